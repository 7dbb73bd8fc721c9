import type { FixedTableTemplate } from '../../templates/types';
import { amountToFen } from '../shanghai/amounts';
import type { Drift } from './records';
import type { FixedCellRead, SidedRead } from './sided';
import { isAmount, type Line, printedCents, type Token, tokens  } from './tokens';

/** An economic 类 (`301`) or 款 as one string (`30101`). */
const CLASS = /^3\d{2}(\d{2})?$/;
const PART = /^\d{1,2}$/;
const TOTAL = /^(人员经费合计|公用经费合计|合计)$/;

interface Rec {
  code: string;
  named: boolean;
  name: string;
  amounts: Token[];
  line: number;
}

/**
 * Rows from a stream of tokens: a row starts at its 类 code (or a 款 alone under the current
 * 类), then its 款, name and amount in any order the cells printed them; amounts on a line
 * without a row start go to the next row (`next`) or stay with the current one (`current`).
 */
function cut(stream: ReadonlyArray<{ tok: Token; line: number; lineStart: boolean; lineHasText: boolean }>, drift: Drift, laidOut: boolean): Rec[] {
  const recs: Rec[] = [];
  let pending: Token[] = [];
  const begin = (code: string, line: number) => {
    recs.push({ code, named: false, name: '', amounts: pending, line });
    pending = [];
  };
  stream.forEach(({ tok, line, lineHasText }, i) => {
    const cur = recs.at(-1);
    const next = stream[i + 1]?.tok.text ?? '';
    const t = tok.text;
    if (TOTAL.test(t)) {
      begin(t, line);
      recs.at(-1)!.named = true;
      return;
    }
    // A 类 code starts a row unless it is a whole amount: in a re-typed line a row's code comes
    // after the previous row's name and is followed by its 款 or its name.
    const startsRow = CLASS.test(t) && (laidOut || !cur || !cur.named || PART.test(next) || (next !== '' && !isAmount(next)));
    if (startsRow) {
      begin(t, line);
      return;
    }
    if (cur && PART.test(t) && cur.code.length === 3 && !TOTAL.test(cur.code) && (laidOut || !cur.named)) {
      cur.code += t.padStart(2, '0');
      return;
    }
    if (!isAmount(t)) {
      if (cur) {
        cur.name += t;
        cur.named = true;
      }
      return;
    }
    // Amounts on their own line just above a 合计 label are the 合计's.
    const ahead = stream.slice(i + 1).find((s) => !isAmount(s.tok.text));
    const beforeTotal = !lineHasText && ahead !== undefined && TOTAL.test(ahead.tok.text) && ahead.line !== line;
    if (!cur || beforeTotal || (drift === 'next' && !lineHasText && !stream.some((s, k) => k < i && s.line === line && CLASS.test(s.tok.text)))) pending.push(tok);
    else cur.amounts.push(tok);
  });
  if (pending.length && recs.length) recs.at(-1)!.amounts.push(...pending);
  return recs;
}

/** How far a panel's rows are from adding up: 类 against its 款, rows with two amounts. */
function score(recs: readonly Rec[]): number {
  let s = 0;
  for (const r of recs) {
    if (r.amounts.length > 1) s += 100;
    if (r.code.length !== 3 || TOTAL.test(r.code)) continue;
    const own = r.amounts.reduce((a, x) => a + printedCents(x.text), 0);
    const parts = recs.filter((x) => x.code.length === 5 && x.code.startsWith(r.code)).reduce((a, x) => a + x.amounts.reduce((b, y) => b + printedCents(y.text), 0), 0);
    if (Math.abs(own - parts) > Math.max(1, recs.filter((x) => x.code.length === 5 && x.code.startsWith(r.code)).length)) s += 10;
  }
  return s;
}

/**
 * Read 表6 (一般公共预算财政拨款基本支出决算表): 人员经费 and 公用经费 printed side by side, each
 * row `类 款 科目名称 决算数`. A laid-out text is split into the two panels at the right panel's
 * code column; a re-typed one is read as one stream (each code says which panel it is in).
 */
export function readPanels(t: FixedTableTemplate, body: readonly Line[], laidOut: boolean): SidedRead {
  const rows = new Map(t.rows.map((r) => [r.key, r]));
  const lines = body.filter((l) => !/^\s*(注|说明)[:：]/.test(l.text) && !/单位[:：]/.test(l.text));
  const firstCode = lines.findIndex((l) => tokens(l.text).some((x) => CLASS.test(x.text)));
  const data = firstCode >= 0 ? lines.slice(firstCode) : [];
  let panels: Array<Array<{ tok: Token; line: number; lineStart: boolean; lineHasText: boolean }>>;
  if (laidOut) {
    // The right panel starts at its 类 codes (the header's second 经济分类 is centred over them).
    const header = lines.slice(0, Math.max(0, firstCode)).flatMap((l) => tokens(l.text)).filter((x) => x.text.startsWith('经济分类'));
    const codeXs = data.flatMap((l) => tokens(l.text).filter((x) => CLASS.test(x.text)).map((x) => x.x));
    const left = Math.min(...codeXs);
    const right = codeXs.filter((x) => x > left + 15);
    const splitX = right.length ? Math.min(...right) - 1 : header.length >= 2 ? header[1]!.x - 2 : Number.POSITIVE_INFINITY;
    panels = [0, 1].map((p) =>
      data.flatMap((l) => {
        const toks = tokens(l.text).filter((x) => (p === 0 ? x.x < splitX : x.x >= splitX));
        const hasText = toks.some((x) => !isAmount(x.text) && !CLASS.test(x.text) && !PART.test(x.text));
        return toks.map((tok, k) => ({ tok, line: l.line, lineStart: k === 0, lineHasText: hasText }));
      }),
    );
  } else {
    panels = [data.flatMap((l) => tokens(l.text).map((tok, k) => ({ tok, line: l.line, lineStart: k === 0, lineHasText: true })))];
  }
  const cells: FixedCellRead[] = [];
  const unknown: SidedRead['unknown'] = [];
  for (const stream of panels) {
    let best: Rec[] | undefined;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const drift of ['current', 'next'] as Drift[]) {
      const recs = cut(stream, drift, laidOut);
      const s = score(recs);
      if (s < bestScore) {
        best = recs;
        bestScore = s;
      }
    }
    for (const r of best ?? []) {
      const key = r.code === '人员经费合计' ? 'in.total' : r.code === '公用经费合计' ? 'out.total' : `e.${r.code}`;
      const row = rows.get(key) ?? (r.code === '合计' ? undefined : undefined);
      if (!row) {
        if (r.amounts.length) unknown.push({ label: `${r.code} ${r.name}`, line: r.line });
        continue;
      }
      const col = row.side === 'income' ? '1' : '2';
      for (const a of r.amounts.slice(0, 1)) cells.push({ row: key, col, fen: amountToFen(a.text, '万元'), text: a.text.replace(/,/g, ''), line: r.line });
      if (r.amounts.length > 1) unknown.push({ label: `${r.code} ${r.name}：多于一个金额`, line: r.line });
    }
  }
  return { cells, unknown, uncertain: [] };
}
