import { isAmount, type Token } from './tokens';

/** A table row as read: where it starts, its label/name pieces and its amounts (with columns). */
export interface RawRecord {
  /** What started it (a code, a label), as the table reader chose. */
  start: string;
  /** Name text on the start line. */
  nameOnLine: string;
  /** Name text before (a wrapped name's first half above the line) and after the start line. */
  before: string[];
  after: string[];
  amounts: Token[];
  line: number;
}

/** One line of one side of a table: its tokens and, when a row starts on it, where. */
export interface SideLine {
  tokens: Token[];
  line: number;
  /** The row that starts on this line: its key text and how many leading tokens name it. */
  start?: { start: string; used: number };
}

/**
 * Where the amounts of a line without a row start go. Tall rows print their cells at different
 * heights: an amount printed above the row's start line belongs to the next row (`next`), one
 * printed below it to the current row (`current`). Which one a packet does is decided per table
 * by which reading adds up (see the readers).
 */
export type Drift = 'next' | 'current';

/** Cut a side's lines into rows. Text before the first row is header and dropped. */
export function cutRecords(lines: readonly SideLine[], drift: Drift): RawRecord[] {
  const out: RawRecord[] = [];
  let pendingAmounts: Token[] = [];
  let pendingText: string[] = [];
  for (const l of lines) {
    if (l.start) {
      const rest = l.tokens.slice(l.start.used);
      const r: RawRecord = {
        start: l.start.start,
        nameOnLine: rest.filter((t) => !isAmount(t.text)).map((t) => t.text).join(''),
        before: [],
        after: [],
        amounts: [...pendingAmounts, ...rest.filter((t) => isAmount(t.text))],
        line: l.line,
      };
      pendingAmounts = [];
      if (out.length > 0) assignRun(out.at(-1)!, r, pendingText);
      pendingText = [];
      out.push(r);
      continue;
    }
    const amounts = l.tokens.filter((t) => isAmount(t.text));
    const text = l.tokens.filter((t) => !isAmount(t.text)).map((t) => t.text).join('');
    if (out.length === 0) {
      // Header lines; amounts on them are the first row's, printed at the top of its cell.
      pendingAmounts.push(...amounts);
      continue;
    }
    if (text) pendingText.push(text);
    // An amount on a line with name text stays with that text's row (the current one).
    if (drift === 'current' || text) out.at(-1)!.amounts.push(...amounts);
    else pendingAmounts.push(...amounts);
  }
  const last = out.at(-1);
  if (last) {
    last.after.push(...pendingText);
    last.amounts.push(...pendingAmounts);
  }
  return out;
}

/**
 * Name pieces between two rows: a wrapped name prints its first half above its row's line when
 * that line has no name, and its second half below. The previous row takes them when the next
 * row has its own name; otherwise a row that had its name's first half above takes one
 * continuation, a row with no name at all takes every piece, and the rest go to the next row.
 */
function assignRun(a: RawRecord, b: RawRecord, run: readonly string[]): void {
  if (run.length === 0) return;
  if (b.nameOnLine) {
    a.after.push(...run);
    return;
  }
  if (!a.nameOnLine && a.before.length > 0) {
    a.after.push(run[0]!);
    b.before.push(...run.slice(1));
  } else if (!a.nameOnLine && a.before.length === 0 && a.after.length === 0) a.after.push(...run);
  else b.before.push(...run);
}

export const recordName = (r: RawRecord): string => [...r.before, r.nameOnLine, ...r.after].join('').replace(/\s+/g, '');
