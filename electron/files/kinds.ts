import { extname } from 'node:path';

/** The app's own document extension (JSON inside); the CLI accepts any name. */
export const DOC_EXT = 'budget';
export const PACKET_EXTS = ['txt', 'pdf', 'docx'];
export const WORKBOOK_EXTS = ['xlsx'];
export const CODE_LIST_EXTS = ['csv', 'xlsx'];

export const DOC_FILTERS = [
  { name: '预算文档', extensions: [DOC_EXT, 'json'] },
  { name: '所有文件', extensions: ['*'] },
];
export const IMPORT_FILTERS = [
  { name: '公开文件或工作簿（.txt .pdf .docx .xlsx）', extensions: [...PACKET_EXTS, ...WORKBOOK_EXTS] },
  { name: '所有文件', extensions: ['*'] },
];

export type FileKind = 'document' | 'packet' | 'workbook';

/** What a file given from outside (command line, file association) is, by its extension. */
export function fileKind(path: string): FileKind {
  const ext = extname(path).slice(1).toLowerCase();
  if (PACKET_EXTS.includes(ext)) return 'packet';
  if (WORKBOOK_EXTS.includes(ext)) return 'workbook';
  return 'document';
}

/** Add the extension when a save dialog returned a bare name. */
export function withExtension(path: string, ext: string): string {
  return extname(path) ? path : `${path}.${ext}`;
}
