/** Something the importer could not read or had to guess, with where it is in the file. */
export interface ImportWarning {
  table?: number;
  line?: number;
  message: string;
}

export function warningText(w: ImportWarning): string {
  const where = [w.table !== undefined ? `表${w.table}` : '', w.line !== undefined ? `第 ${w.line} 行` : ''].filter(Boolean).join(' ');
  return where ? `${where}：${w.message}` : w.message;
}
