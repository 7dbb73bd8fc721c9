import type { FixedTableTemplate } from '../../templates/types';
import { assignColumns } from './assign';
import type { DataLine, TableBody } from './body';
import { squash } from './lines';
import { amountCents, centsText, isAmount } from './tokens';
import { BUILTIN_FUNCTION } from '../../classification/builtin';
import type { ImportWarning } from './warnings';

export interface ParsedFixedTable {
  no: number;
  /** Row key → column → hundredths of 万元, as printed. */
  cells: Map<string, Map<string, number>>;
  notes: string[];
}

/** A line name without numbering, 其中, spaces and the small words packets add or drop. */
export function normLabel(label: string): string {
  return squash(label)
    .replace(/^其中[:：]?/, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)])/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/政府性基金预算拨款/, '基金预算拨款')
    .replace(/的/g, '')
    .replace(/[“”"（）()]/g, '');
}

interface Side {
  label: string;
  amounts: number[];
  /** Column offsets of the amounts when the line was tab-separated. */
  offsets?: number[];
}

const RIGHT_START = /(^|\s)(2\d{2})\s*(?=[^\d\s.,])|支\s*出\s*(总\s*计|合\s*计)/;

/** Split a line of a two-sided table (1 or 4) into its income and expenditure halves. */
function splitSides(line: DataLine): { left?: Side; right?: Side & { code?: string } } {
  if (line.cells && line.cells.length > 1) {
    const cells = line.cells;
    const rightAt = cells.findIndex((c, i) => i > 0 && RIGHT_START.test(c) && !isAmount(c));
    const leftCells = rightAt >= 0 ? cells.slice(0, rightAt) : cells;
    const rightCells = rightAt >= 0 ? cells.slice(rightAt) : [];
    const side = (cs: string[]): Side | undefined => {
      const label = cs.filter((c) => c !== '' && !isAmount(c)).join('');
      const amounts: number[] = [];
      const offsets: number[] = [];
      cs.forEach((c, i) => {
        if (isAmount(c)) {
          amounts.push(amountCents(c));
          offsets.push(i - 1);
        }
      });
      return label || amounts.length ? { label, amounts, offsets } : undefined;
    };
    const out: { left?: Side; right?: Side & { code?: string } } = {};
    const l = side(leftCells);
    if (l) out.left = l;
    const r = side(rightCells);
    if (r) out.right = { ...r, ...codeOf(r.label) };
    return out;
  }
  const text = line.text;
  const m = RIGHT_START.exec(text);
  const leftText = m ? text.slice(0, m.index) : text;
  const rightText = m ? text.slice(m.index) : '';
  const side = (t: string): Side | undefined => {
    const tokens = t.split(/\s+/).filter(Boolean);
    let end = tokens.length;
    while (end > 0 && isAmount(tokens[end - 1]!)) end--;
    const label = tokens.slice(0, end).join(' ');
    const amounts = tokens.slice(end).map(amountCents);
    return label || amounts.length ? { label, amounts } : undefined;
  };
  const out: { left?: Side; right?: Side & { code?: string } } = {};
  const l = side(leftText);
  if (l) out.left = l;
  const r = side(rightText);
  if (r) out.right = { ...r, ...codeOf(r.label) };
  return out;
}

const CLASS_NAMES = new Map(BUILTIN_FUNCTION.filter(([c]) => c.length === 3).map(([c, n]) => [c, squash(n)]));

/** The name of a function 类 (`201` → 一般公共服务支出), spaces removed. */
function functionClassName(code: string): string | undefined {
  return CLASS_NAMES.get(code);
}

function codeOf(label: string): { code?: string; label: string } {
  const m = /^\s*(2\d{2})\s*(.*)$/.exec(label);
  return m ? { code: m[1]!, label: m[2]! } : { label };
}

/**
 * A label the print wrapped over lines (`公务用车购置及运` / `行费（小计）`): `head` alone is not a
 * line of the table but the start of one, and `head + tail` still is (or is the whole line).
 */
export function wrapsInto(known: ReadonlySet<string>, head: string, tail: string): boolean {
  const h = normLabel(head);
  const joined = normLabel(head + tail);
  if (!h || known.has(h) || joined === h) return false;
  let startsOne = false;
  let joinedStarts = false;
  for (const k of known) {
    if (k.startsWith(h)) startsOne = true;
    if (k.startsWith(joined)) joinedStarts = true;
  }
  return startsOne && joinedStarts;
}

/** Match printed line names to the template's lines in order (so 其中 lines that repeat a name land right). */
class LineMatcher {
  private at = 0;
  private readonly norm: string[];
  constructor(private readonly lines: ReadonlyArray<{ key: string; label: string }>) {
    this.norm = lines.map((l) => normLabel(l.label));
  }
  match(label: string): string | undefined {
    const n = normLabel(label);
    if (!n) return undefined;
    const norm = this.norm;
    for (let i = this.at; i < norm.length; i++) {
      if (norm[i] === n) {
        this.at = i + 1;
        return this.lines[i]!.key;
      }
    }
    const any = norm.findIndex((x) => x === n || (n.length >= 4 && (x.endsWith(n) || n.endsWith(x))));
    if (any >= 0) {
      this.at = Math.max(this.at, any + 1);
      return this.lines[any]!.key;
    }
    return undefined;
  }
}

function put(out: ParsedFixedTable, key: string, col: string, cents: number): void {
  const row = out.cells.get(key) ?? new Map<string, number>();
  row.set(col, cents);
  out.cells.set(key, row);
}

/** Tables 1 and 4: income lines on the left, the 30 function 类 on the right. */
export function parseTwoSided(
  t: FixedTableTemplate,
  body: TableBody,
  warn: (w: ImportWarning) => void,
  active?: ReadonlySet<string>,
): ParsedFixedTable {
  const out: ParsedFixedTable = { no: t.no, cells: new Map(), notes: body.notes };
  const income = t.rows.filter((r) => r.side === 'income');
  const incomeCol = t.columns[0]!.no;
  const outCols = t.columns.slice(1).map((c) => c.no);
  const matcher = new LineMatcher(income.map((r) => ({ key: r.key, label: r.label })));
  const known = new Set(income.map((r) => normLabel(r.label)));
  // Names wrapped over lines: a line with a name and nothing else continues the line above
  // (or starts the line below); a piece of a function 类's name (`201 一般公共` / `服务支出`) is dropped.
  const split = body.data.map((line) => ({ line, ...splitSides(line) }));
  const lines: typeof split = [];
  for (let k = 0; k < split.length; k++) {
    const cur = split[k]!;
    const piece = cur.left?.label && cur.left.amounts.length === 0 && !cur.right ? cur.left.label : undefined;
    if (piece !== undefined) {
      const prev = lines[lines.length - 1];
      const next = split[k + 1];
      if (prev?.left?.label && wrapsInto(known, prev.left.label, piece)) {
        prev.left.label += piece;
        continue;
      }
      if (next?.left?.label && wrapsInto(known, piece, next.left.label)) {
        next.left.label = piece + next.left.label;
        continue;
      }
      const className = prev?.right?.code ? functionClassName(prev.right.code) : undefined;
      if (className && prev?.right && className.startsWith(squash(prev.right.label + piece)) && squash(prev.right.label) !== className) {
        prev.right.label += piece;
        continue;
      }
    }
    lines.push(cur);
  }
  for (const { line, left, right } of lines) {
    if (left && (left.label || left.amounts.length)) {
      const key = left.label ? matcher.match(left.label) : undefined;
      if (!key) {
        if (left.label && !/^(项目|收入|支出)/.test(squash(left.label))) warn({ table: t.no, line: line.no, message: `无法识别的收入行“${left.label}”，已略去` });
        else if (left.amounts.length) warn({ table: t.no, line: line.no, message: '收入栏有数字但没有行名，已略去' });
      } else {
        if (left.amounts.length > 1) warn({ table: t.no, line: line.no, message: `“${left.label}”有 ${left.amounts.length} 个数，只取第一个` });
        if (left.amounts.length) put(out, key, incomeCol, left.amounts[0]!);
      }
    }
    if (right) {
      const key = right.code ? `out.${right.code}` : /总计|合计/.test(squash(right.label)) ? 'out.total' : undefined;
      if (!key || !t.rows.some((r) => r.key === key)) {
        warn({ table: t.no, line: line.no, message: `无法识别的支出行“${right.code ?? ''} ${right.label}”，已略去` });
        continue;
      }
      if (right.amounts.length === 0) continue;
      let cols: string[];
      if (right.offsets && outCols.length > 1) cols = right.offsets.map((o) => outCols[o] ?? '');
      else if (outCols.length === 1) cols = right.amounts.map(() => outCols[0]!);
      else {
        const first = outCols[0]!;
        const r = assignColumns({
          columns: [{ no: first, sum: outCols.slice(1) }, ...outCols.slice(1).map((no) => ({ no }))],
          rows: [{ amounts: right.amounts }],
          ...(active ? { active } : {}),
          prior: (_i, col) => (col === outCols[1] ? 1 : 0),
        });
        cols = r.cols[0] ?? [];
      }
      right.amounts.forEach((a, i) => {
        const c = cols[i];
        if (!c || (outCols.length === 1 && i > 0)) {
          warn({ table: t.no, line: line.no, message: `“${right.label}”的数 ${centsText(a)} 无法对应到栏，已略去` });
          return;
        }
        put(out, key, c, a);
      });
    }
  }
  return out;
}

const THREE_PUBLIC: ReadonlyArray<[RegExp, string]> = [
  [/^(合计|总计)$/, 'total'],
  [/出国/, 'abroad'],
  [/接待/, 'reception'],
  [/购置及运行|小计/, 'vehicles'],
  [/购置/, 'vehicle.purchase'],
  [/运行/, 'vehicle.running'],
];

/** Table 10: six named lines, 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算. */
export function parseThreePublic(t: FixedTableTemplate, body: TableBody, warn: (w: ImportWarning) => void): ParsedFixedTable {
  const out: ParsedFixedTable = { no: t.no, cells: new Map(), notes: body.notes };
  const colNos = t.columns.map((c) => c.no);
  const numberAt = new Map<number, string>();
  if (body.marker?.tabbed) {
    body.marker.cells.forEach((c, i) => {
      if (/^\d{1,2}$/.test(c)) numberAt.set(i, c);
    });
  }
  const read: Array<{ line: DataLine; label: string; amounts: number[]; known?: Array<string | undefined> }> = [];
  for (const line of body.data) {
    let label: string;
    let amounts: number[];
    let known: Array<string | undefined> | undefined;
    if (line.cells && line.cells.length > 1 && numberAt.size > 0) {
      label = line.cells.filter((c, i) => !numberAt.has(i) && c !== '').join('');
      amounts = [];
      known = [];
      line.cells.forEach((c, i) => {
        if (numberAt.has(i) && isAmount(c)) {
          amounts.push(amountCents(c));
          known!.push(numberAt.get(i));
        }
      });
    } else {
      const tokens = line.text.split(/\s+/).filter(Boolean);
      let end = tokens.length;
      while (end > 0 && isAmount(tokens[end - 1]!)) end--;
      label = tokens.slice(0, end).join('');
      amounts = tokens.slice(end).map(amountCents);
    }
    read.push(known ? { line, label, amounts, known } : { line, label, amounts });
  }
  // A name wrapped over lines (`公务用车购置及运` / `行费（小计）`) is joined before it is matched.
  const labels = new Set(t.rows.map((r) => normLabel(r.label)));
  const joined: typeof read = [];
  for (let k = 0; k < read.length; k++) {
    const cur = read[k]!;
    if (cur.label && cur.amounts.length === 0) {
      const prev = joined[joined.length - 1];
      const next = read[k + 1];
      if (prev && wrapsInto(labels, prev.label, cur.label)) {
        prev.label += cur.label;
        continue;
      }
      if (next?.label && wrapsInto(labels, cur.label, next.label)) {
        next.label = cur.label + next.label;
        continue;
      }
    }
    joined.push(cur);
  }
  for (const { line, label, amounts, known } of joined) {
    const n = normLabel(label);
    const key = THREE_PUBLIC.find(([re]) => re.test(n))?.[1];
    if (!key) {
      warn({ table: t.no, line: line.no, message: `无法识别的行“${label}”，已略去` });
      continue;
    }
    if (amounts.length === 0) continue;
    const r = assignColumns({
      columns: [{ no: colNos[0]!, sum: colNos.slice(1) }, ...colNos.slice(1).map((no) => ({ no }))],
      rows: [known ? { amounts, known } : { amounts }],
      prior: (_i, col) => (col === colNos[1] ? 1 : 0),
    });
    const cols = r.cols[0] ?? [];
    amounts.forEach((a, i) => {
      const c = cols[i];
      if (c) put(out, key, c, a);
      else warn({ table: t.no, line: line.no, message: `“${label}”的数 ${centsText(a)} 无法对应到栏，已略去` });
    });
  }
  return out;
}
