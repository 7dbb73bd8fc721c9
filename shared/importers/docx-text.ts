/**
 * The text of a Word document's body (`word/document.xml` of a .docx), as the packet readers read a
 * .txt: each paragraph a line, each table row one line of its cells separated by tabs (the layout
 * of a tab-separated packet such as 003). Only the text Word shows is kept (`w:t`, tabs and
 * breaks), not deleted text or field codes. A cell's own paragraphs run together; a table inside
 * a cell adds its text to that cell.
 *
 * Tables nested deeper than MAX_TABLE_DEPTH are read as text of the cell that holds them (their
 * rows and cells separated by spaces): each level copies the text of the levels inside it, so
 * unbounded nesting would make a small crafted file quadratic (600,000 levels: minutes).
 */
export function docxBodyText(xml: string): string {
  const lines: string[] = [];
  let para = '';
  /** Tables open: each its current row's cells and the cell being read. */
  const tables: Array<{ cells: string[]; cell: string }> = [];
  /** Tables open below the deepest one kept apart. */
  let flattened = 0;
  let inText = false;
  const put = (s: string) => {
    const t = tables[tables.length - 1];
    if (t) t.cell += s;
    else para += s;
  };
  // Tags of the w: namespace and the text between them; nothing else in the body carries text.
  const TOKEN = /<(\/?)w:([A-Za-z]+)\b[^>]*?(\/?)>|([^<]+)|<[^>]*>/g;
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, tag, selfClose, text] = m;
    if (text !== undefined) {
      if (inText) put(decodeXml(text));
      continue;
    }
    if (tag === undefined) continue;
    const open = !close;
    switch (tag) {
      case 't':
        inText = open && !selfClose;
        break;
      case 'tab':
        if (open) put(tables.length ? ' ' : '\t');
        break;
      case 'br':
      case 'cr':
        if (open) put(tables.length ? ' ' : '\n');
        break;
      case 'p':
        // An empty paragraph is written <w:p/>: a blank line too.
        if ((!open || selfClose) && tables.length === 0) {
          lines.push(para);
          para = '';
        }
        break;
      case 'tbl':
        if (open && !selfClose) {
          if (tables.length < MAX_TABLE_DEPTH) tables.push({ cells: [], cell: '' });
          else flattened++;
        } else if (!open && flattened > 0) flattened--;
        else if (!open) {
          const inner = tables.pop();
          // A table inside a cell: its text joins that cell.
          if (inner && tables.length) tables[tables.length - 1]!.cell += inner.cells.join(' ');
        }
        break;
      case 'tr':
        if (flattened > 0) {
          if (!open) put(' ');
          break;
        }
        // A row of the outermost table is a line; an inner table's rows all go into its cell.
        if (tables.length !== 1) break;
        if (open) tables[0]!.cells = [];
        else lines.push(tables[0]!.cells.join('\t'));
        break;
      case 'tc':
        if (tables.length === 0) break;
        if (flattened > 0) {
          if (!open || selfClose) put(' ');
          break;
        }
        if (open && !selfClose) tables[tables.length - 1]!.cell = '';
        else if (selfClose) tables[tables.length - 1]!.cells.push('');
        else {
          const t = tables[tables.length - 1]!;
          t.cells.push(t.cell.trim());
          t.cell = '';
        }
        break;
    }
  }
  if (para) lines.push(para);
  return lines.join('\n');
}

/** Word's own limit for tables in tables is far below this; a packet's are one or two deep. */
export const MAX_TABLE_DEPTH = 64;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities and character references resolved. */
function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]{2,4});/g, (all, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? all;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
