import type { CodeListEntry } from '../model';

/**
 * A code list as exported from a budget system: a sheet or CSV with a code column and a
 * name column (header words like 科目编码/编码/代码 and 科目名称/名称), in any position.
 * Function codes start with 2 (类 201–234), economic codes with 3 (类 301–399).
 */
export type CodeListResult =
  | { ok: true; function: CodeListEntry[]; economic: CodeListEntry[]; skipped: number }
  | { ok: false; error: string };

const CODE_HEADER = /编码|代码|编号|code/i;
const NAME_HEADER = /名称|name/i;

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',' || ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && t[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Normalise `201 03 50`, `201.03.50`, `2010350` to `2010350`. */
function normaliseCode(text: string): string | null {
  const c = text.replace(/[\s.\-_]/g, '');
  return /^[23]\d{2}(\d{2}){0,2}$/.test(c) ? c : null;
}

export function codeListFromRows(rows: readonly (readonly string[])[]): CodeListResult {
  let codeCol = -1;
  let nameCol = -1;
  let start = 0;
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const row = rows[r]!;
    const c = row.findIndex((x) => CODE_HEADER.test(x));
    const n = row.findIndex((x, i) => i !== c && NAME_HEADER.test(x) && !CODE_HEADER.test(x));
    if (c >= 0 && n >= 0) {
      codeCol = c;
      nameCol = n;
      start = r + 1;
      break;
    }
  }
  if (codeCol < 0) {
    // No header: take the first two columns when they look like code and name.
    const sample = rows.find((r) => r.some((x) => x.trim() !== ''));
    if (!sample || normaliseCode(sample[0] ?? '') === null) {
      return { ok: false, error: '未找到“科目编码”和“科目名称”两列，请确认文件是从预算系统导出的科目表' };
    }
    codeCol = 0;
    nameCol = 1;
  }
  const fn: CodeListEntry[] = [];
  const ec: CodeListEntry[] = [];
  let skipped = 0;
  for (const row of rows.slice(start)) {
    const code = normaliseCode(row[codeCol] ?? '');
    const name = (row[nameCol] ?? '').trim();
    if (!code || !name) {
      if (row.some((x) => x.trim() !== '')) skipped++;
      continue;
    }
    (code.startsWith('2') ? fn : ec).push({ code, name });
  }
  if (fn.length + ec.length === 0) return { ok: false, error: '科目表中没有可识别的科目编码（功能分类以 2 开头，经济分类以 3 开头）' };
  return { ok: true, function: fn, economic: ec, skipped };
}

/** Code lengths an imported list covers: “not in the list” is only worth a warning at those levels. */
export function coveredLengths(entries: readonly CodeListEntry[]): Set<number> {
  return new Set(entries.map((e) => e.code.length));
}
