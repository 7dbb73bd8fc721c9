import type { HierTableTemplate } from '../../templates/types';
import { type AssignRow, assignColumns } from '../packet/assign';
import { amountToFen } from '../shanghai/amounts';
import { cutRecords, type Drift, type RawRecord, recordName, type SideLine } from './records';
import { centre, columnCentres, isAmount, type Line, nearestColumn, printedCents, type Token, tokens  } from './tokens';

/** One row of a coded table as read: its code (or `total`), name, and each amount with its column. */
export interface HierRow {
  key: string;
  code?: string;
  name: string;
  cells: Array<{ col: string; fen: number; text: string }>;
  line: number;
}

export interface HierRead {
  rows: HierRow[];
  uncertain: number[];
  inconsistent: number[];
}

/** Repeated header lines of a table continued on a new page, and its title or unit line. */
const HEADER = /项目|功能分类|科目编码|科目名称|^类款项$|^[类款项]$|单位[:：]|决算表|（续）|\(续\)/;

/**
 * A function code at the start of a line: split (`201 06 01`), one string (`2010601`) or with
 * an unpadded part (`201 6 1`). Function codes start with 2; the parts must come before the name.
 */
export function functionCodeAt(toks: readonly Token[]): { code: string; used: number } | undefined {
  const t0 = toks[0]?.text ?? '';
  if (/^2\d{4}(\d{2})?$/.test(t0)) return { code: t0, used: 1 };
  if (!/^2\d{2}$/.test(t0)) return undefined;
  let code = t0;
  let used = 1;
  // Parts are 1–2 digits and never the line's last token (that would be a whole amount).
  while (used <= 2 && /^\d{1,2}$/.test(toks[used]?.text ?? '') && toks.length > used + 1) {
    code += toks[used]!.text.padStart(2, '0');
    used++;
  }
  return { code, used };
}

function sideLines(body: readonly Line[]): SideLine[] {
  const out: SideLine[] = [];
  for (const l of body) {
    const toks = tokens(l.text);
    if (toks.length === 0) continue;
    const squashed = l.text.replace(/\s+/g, '');
    if (/^(注|说明)[:：]/.test(squashed)) continue;
    const words = toks.filter((t) => !isAmount(t.text)).map((t) => t.text).join('');
    if (words === '合计' || words === '总计') {
      out.push({ tokens: toks, line: l.line, start: { start: 'total', used: toks.findIndex((t) => !isAmount(t.text)) + 1 } });
      continue;
    }
    const code = functionCodeAt(toks);
    if (code) {
      out.push({ tokens: toks, line: l.line, start: { start: code.code, used: code.used } });
      continue;
    }
    if (words && HEADER.test(words)) {
      // A header line may carry the first row's top-aligned amounts (`类 款 项 2,336.91`).
      const amounts = toks.filter((t) => isAmount(t.text));
      if (amounts.length) out.push({ tokens: amounts, line: l.line });
      continue;
    }
    out.push({ tokens: toks, line: l.line });
  }
  return out;
}

function assign(t: HierTableTemplate, records: readonly RawRecord[], active?: ReadonlySet<string>, prior?: (row: number, col: string) => number) {
  const index = new Map<string, number>();
  const totalAt = records.findIndex((r) => r.start === 'total');
  const rows: AssignRow[] = records.map((r, i) => {
    const amounts = r.amounts.map((a) => printedCents(a.text));
    if (r.start === 'total') return { amounts };
    index.set(r.start, i);
    const parentCode = r.start.length > 3 ? r.start.slice(0, r.start.length - 2) : undefined;
    const parent = parentCode ? index.get(parentCode) : totalAt >= 0 ? totalAt : undefined;
    return parent === undefined ? { amounts } : { amounts, parent };
  });
  const columns = t.columns.map((c) => (c.sum ? { no: c.no, sum: c.sum } : { no: c.no }));
  return assignColumns({ columns, rows, ...(active ? { active } : {}), ...(prior ? { prior } : {}) });
}

/**
 * Read a coded table (表2/3/5/8/9): rows by code, wrapped names joined, amounts that print at
 * another height than their row's code placed by the reading that adds up; columns by header
 * position when the text keeps positions, else by the sums (合计 = its parts, 类 = its 款 …).
 */
export function readHierTable(
  t: HierTableTemplate,
  body: readonly Line[],
  laidOut: boolean,
  opts: { active?: ReadonlySet<string>; prior?: (row: number, col: string) => number } = {},
): HierRead {
  const lines = sideLines(body);
  const firstRow = body.findIndex((l) => lines.some((s) => s.line === l.line && s.start));
  const centres = laidOut ? columnCentres(t.columns, firstRow >= 0 ? body.slice(0, firstRow) : body) : undefined;
  let best: { records: RawRecord[]; placed: ReturnType<typeof assign>; score: number } | undefined;
  for (const drift of ['next', 'current'] as Drift[]) {
    const records = cutRecords(lines, drift);
    if (laidOut) for (const r of records) r.amounts.sort((a, b) => a.x - b.x);
    const placed = assign(t, records, opts.active, opts.prior);
    const tooMany = records.filter((r) => r.amounts.length > t.columns.length).length;
    const score = tooMany * 100 + placed.inconsistent.length * 10 + placed.uncertain.length;
    if (!best || score < best.score) best = { records, placed, score };
  }
  const { records, placed } = best!;
  // The sums decide where they can. A row they leave open (10.00 10.00: 基本 or 项目?) goes by
  // position: where the rows the sums did place print each column (right edges, as amounts are
  // right-aligned), else the header; kept only when it is a placement the sums allow.
  const open = new Set([...placed.uncertain]);
  const edges = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (open.has(i) || placed.inconsistent.includes(i)) return;
    r.amounts.forEach((a, k) => {
      const col = placed.cols[i]![k]!;
      edges.set(col, [...(edges.get(col) ?? []), a.x + a.text.length]);
    });
  });
  const learned = t.columns.filter((c) => edges.has(c.no)).map((c) => ({ no: c.no, at: median(edges.get(c.no)!) }));
  const tryPlace = (r: RawRecord, place: (a: Token) => string | undefined): string[] | undefined => {
    const p = r.amounts.map(place);
    if (p.some((c) => c === undefined) || new Set(p).size !== p.length) return undefined;
    return rowAdds(t, r, p as string[]) ? (p as string[]) : undefined;
  };
  const cols: string[][] = records.map((r, i) => {
    if (!laidOut || !open.has(i)) return placed.cols[i]!;
    const byEdge = learned.length ? tryPlace(r, (a) => learned.reduce((b, c) => (Math.abs(c.at - (a.x + a.text.length)) < Math.abs(b.at - (a.x + a.text.length)) ? c : b)).no) : undefined;
    const byHeader = centres ? tryPlace(r, (a) => t.columns[nearestColumn(centres, centre(a))]!.no) : undefined;
    const chosen = byEdge ?? byHeader;
    if (chosen) open.delete(i);
    return chosen ?? placed.cols[i]!;
  });
  const rows = records.map((r, i): HierRow => {
    const row: HierRow = {
      key: r.start,
      name: r.start === 'total' ? '合计' : recordName(r),
      cells: r.amounts.map((a, k) => ({ col: cols[i]![k]!, fen: amountToFen(a.text, '万元'), text: a.text.replace(/,/g, '') })),
      line: r.line,
    };
    if (r.start !== 'total') row.code = r.start;
    return row;
  });
  return { rows, uncertain: [...open], inconsistent: placed.inconsistent };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Whether a row's amounts in these columns satisfy its own sums (合计 = its parts), within 0.02 万元. */
function rowAdds(t: HierTableTemplate, r: RawRecord, cols: readonly string[]): boolean {
  const at = new Map(cols.map((c, k) => [c, printedCents(r.amounts[k]!.text)]));
  return t.columns.every((c) => !c.sum || Math.abs((at.get(c.no) ?? 0) - c.sum.reduce((a, s) => a + (at.get(s) ?? 0), 0)) <= 2);
}
