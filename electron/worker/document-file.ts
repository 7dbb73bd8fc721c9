import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { type BudgetDocument, documentMessageText, MAX_DOCUMENT_CHARS, serializeDocument } from '../../shared/model';

const mb = (bytes: number) => `${Math.ceil(bytes / 1048576)} MB`;

/** Whether 打开 takes this text back: within the file-size bound (read-text.ts) and the loader's character bound. */
function opensAgain(text: string): boolean {
  if (text.length > MAX_DOCUMENT_CHARS) return false;
  // A UTF-16 unit is at most 3 bytes of UTF-8: most documents need no count of their bytes.
  return text.length * 3 <= INPUT_BOUNDS.maxFileBytes || Buffer.byteLength(text, 'utf8') <= INPUT_BOUNDS.maxFileBytes;
}

/**
 * The text 保存 writes for `doc`: anything saved must open again. The indented form (one space)
 * is a third longer than compact JSON, so a document near the limits would be saved into a file
 * 打开 refuses; such a document is written compact instead (the loader reads either alike). A
 * document too large even compact is refused with the reason, and nothing is written.
 */
export function documentFileText(doc: BudgetDocument): { ok: true; text: string } | { ok: false; error: string } {
  const indented = serializeDocument(doc);
  if (opensAgain(indented)) return { ok: true, text: indented };
  const compact = `${documentMessageText(doc)}\n`;
  if (opensAgain(compact)) return { ok: true, text: compact };
  const size = Buffer.byteLength(compact, 'utf8');
  return {
    ok: false,
    error: `文档过大（${mb(size)}，${compact.length.toLocaleString('en-US')} 个字符），超过本程序能再打开的上限（${mb(INPUT_BOUNDS.maxFileBytes)}，${MAX_DOCUMENT_CHARS.toLocaleString('en-US')} 个字符），保存后将无法打开，因此未保存`,
  };
}
