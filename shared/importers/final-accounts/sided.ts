import type { FixedRowDef, FixedTableTemplate } from '../../templates/types';
import { type AssignColumn, assignColumns } from '../packet/assign';
import { amountToFen } from '../shanghai/amounts';
import type { Drift } from './records';
import { bareLabel, centre, columnCentres, isAmount, type Line, nearestColumn, printedCents, type Token, tokens  } from './tokens';

/** A printed amount of a fixed table: row key, column, 分, as printed. */
export interface FixedCellRead {
  row: string;
  col: string;
  fen: number;
  text: string;
  line: number;
}

export interface SidedRead {
  cells: FixedCellRead[];
  /** Lines with a label no row of the table has. */
  unknown: Array<{ label: string; line: number }>;
  uncertain: number[];
}

type Side = 'income' | 'expenditure';

interface Rec {
  row: FixedRowDef;
  acc: string;
  amounts: Token[];
  line: number;
}

/** A fixed table's columns with the sums one of its rows declares across itself (合计 = its parts). */
function rowSums(row: FixedRowDef, cols: readonly string[]): AssignColumn[] {
  return cols.map((no) => {
    const cell = row.cells[no];
    const across = cell && 'terms' in cell && cell.terms.length > 0 && cell.terms.every((x) => x.table === undefined && x.row === row.key);
    return across ? { no, sum: cell.terms.map((x) => x.col) } : { no };
  });
}

/** The columns a side's rows use, in template order. */
const sideColumns = (t: FixedTableTemplate, side: Side) => t.columns.filter((c) => t.rows.some((r) => r.side === side && r.cells[c.no])).map((c) => c.no);

/**
 * Split each line into its income and expenditure halves: at a column when the text keeps
 * positions (where the expenditure labels start), else at the first label that only the
 * expenditure side has or the first label after an amount.
 */
function halves(t: FixedTableTemplate, body: readonly Line[], laidOut: boolean): Array<{ line: number; income: Token[]; expenditure: Token[] }> {
  const labels = (side: Side) => t.rows.filter((r) => r.side === side).map((r) => bareLabel(r.label));
  const inc = labels('income');
  const exp = labels('expenditure');
  const expOnly = (text: string) => {
    const b = bareLabel(text);
    return b.length >= 2 && exp.some((l) => l.startsWith(b)) && !inc.some((l) => l.startsWith(b));
  };
  let splitX: number | undefined;
  if (laidOut) {
    for (const l of body) for (const tok of tokens(l.text)) if (!isAmount(tok.text) && expOnly(tok.text)) splitX = Math.min(splitX ?? tok.x, tok.x);
  }
  return body.map((l) => {
    const toks = tokens(l.text);
    let at: number;
    if (splitX !== undefined) {
      at = toks.findIndex((x) => x.x >= splitX! - 1);
    } else {
      at = toks.findIndex((x, i) => !isAmount(x.text) && (expOnly(x.text) || (i > 0 && isAmount(toks[i - 1]!.text))));
    }
    if (at < 0) at = toks.length;
    return { line: l.line, income: toks.slice(0, at), expenditure: toks.slice(at) };
  });
}

function readSide(t: FixedTableTemplate, side: Side, lines: ReadonlyArray<{ line: number; toks: Token[] }>, drift: Drift, unknown: SidedRead['unknown']): Rec[] {
  const rows = t.rows.filter((r) => r.side === side);
  const bare = new Map(rows.map((r) => [r.key, bareLabel(r.label)]));
  const used = new Set<string>();
  const recs: Rec[] = [];
  let pending: Token[] = [];
  let lastAt = -1;
  const match = (text: string): FixedRowDef | undefined => {
    const fits = (r: FixedRowDef) => !used.has(r.key) && bare.get(r.key)!.startsWith(text);
    const exact = rows.findIndex((r, i) => i > lastAt && !used.has(r.key) && bare.get(r.key) === text);
    const at = exact >= 0 ? exact : rows.findIndex((r, i) => i > lastAt && fits(r));
    const i = at >= 0 ? at : rows.findIndex(fits);
    if (i < 0) return undefined;
    lastAt = i;
    return rows[i];
  };
  for (const { line, toks } of lines) {
    if (toks.length === 0) continue;
    const amounts = toks.filter((x) => isAmount(x.text));
    const text = bareLabel(toks.filter((x) => !isAmount(x.text)).map((x) => x.text).join(''));
    const cur = recs.at(-1);
    if (text) {
      if (cur && cur.acc !== bare.get(cur.row.key) && bare.get(cur.row.key)!.startsWith(cur.acc + text)) {
        cur.acc += text;
        cur.amounts.push(...amounts);
        continue;
      }
      const row = text.length >= 2 ? match(text) : undefined;
      if (row) {
        used.add(row.key);
        recs.push({ row, acc: text, amounts: [...pending, ...amounts], line });
        pending = [];
      } else if (recs.length > 0 && !/^(注|说明)[:：]/.test(text)) {
        unknown.push({ label: text, line });
        pending.push(...amounts);
      } else pending.push(...amounts);
      continue;
    }
    if (drift === 'current' && cur) cur.amounts.push(...amounts);
    else pending.push(...amounts);
  }
  if (pending.length && recs.length) recs.at(-1)!.amounts.push(...pending);
  return recs;
}

/**
 * Read a two-sided table (表1, 表4: income lines left, expenditure lines right): rows by their
 * labels (numbering and wrapping ignored), amounts printed above their label's line placed by
 * the reading that adds up; a side with several columns by header position, else by its sums.
 */
export function readTwoSided(t: FixedTableTemplate, body: readonly Line[], laidOut: boolean, active?: ReadonlySet<string>): SidedRead {
  // The rows start at the first numbered line (一、…), with any amount-only lines just above it;
  // what is above is the header (whose words may begin row labels too: 国有资本经营…).
  let start = body.findIndex((l) => tokens(l.text).some((x) => /^[一1][、.．]/.test(x.text)));
  if (start < 0) start = 0;
  while (start > 0 && tokens(body[start - 1]!.text).every((x) => isAmount(x.text)) && body[start - 1]!.text.trim() !== '') start--;
  const header = body.slice(0, start);
  const split = halves(t, body.slice(start).filter((l) => !/^\s*(注|说明)[:：]/.test(l.text)), laidOut);
  let best: { cells: FixedCellRead[]; unknown: SidedRead['unknown']; uncertain: number[]; score: number } | undefined;
  for (const drift of ['next', 'current'] as Drift[]) {
    const cells: FixedCellRead[] = [];
    const unknown: SidedRead['unknown'] = [];
    const uncertain: number[] = [];
    let score = 0;
    for (const side of ['income', 'expenditure'] as Side[]) {
      const recs = readSide(t, side, split.map((s) => ({ line: s.line, toks: s[side] })), drift, unknown);
      const cols = sideColumns(t, side);
      if (laidOut) for (const r of recs) r.amounts.sort((a, b) => a.x - b.x);
      score += recs.filter((r) => r.amounts.length > cols.length).length * 100;
      let placed: string[][];
      const minX = side === 'expenditure' ? Math.min(...split.flatMap((s) => s.expenditure.map((x) => x.x)), Number.POSITIVE_INFINITY) : 0;
      const centres = laidOut && cols.length > 1 ? columnCentres(cols.map((no) => t.columns.find((c) => c.no === no)!), header, minX) : undefined;
      if (cols.length === 1) placed = recs.map((r) => r.amounts.map(() => cols[0]!));
      else if (centres) placed = recs.map((r) => r.amounts.map((a) => cols[nearestColumn(centres, centre(a))]!));
      else {
        const result = assignColumns({
          columns: rowSums(recs[0]?.row ?? t.rows.find((r) => r.side === side)!, cols),
          rows: recs.map((r) => ({ amounts: r.amounts.map((a) => printedCents(a.text)) })),
          ...(active ? { active } : {}),
        });
        placed = result.cols;
        score += result.inconsistent.length * 10 + result.uncertain.length;
        uncertain.push(...result.uncertain.map((i) => recs[i]!.line));
      }
      recs.forEach((r, i) => {
        r.amounts.forEach((a, k) => {
          const col = placed[i]![k];
          if (col) cells.push({ row: r.row.key, col, fen: amountToFen(a.text, '万元'), text: a.text.replace(/,/g, ''), line: r.line });
        });
      });
    }
    if (!best || score < best.score) best = { cells, unknown, uncertain, score };
  }
  return { cells: best!.cells, unknown: best!.unknown, uncertain: best!.uncertain };
}
