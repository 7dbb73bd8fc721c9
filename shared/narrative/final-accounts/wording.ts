import { parseAmount } from '../../money';
import { ITEM_NUMERAL } from '../sections/common';
import { formatBasisPoints } from '../shares';
import { asPrinted, changeAgainst, completionBp, type PrintedRate, printedRate, RELATION_WORD, rateReachable, relation, varianceBp } from './comparison';

/**
 * The comparisons a 部门决算 情况说明 states, read from its text, and what is wrong with them:
 *  - “年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 P%” / “…预决算差异率 P%”;
 *  - “决算数大于/小于/等于（与…持平）预算数”, said of the last such pair of its item;
 *  - “X 万元，比上年（2023年度）增加/减少 D 万元，增长/下降 P%”, “…。与2023年度相比，…减少 D 万元，下降 P%”.
 * Amounts are hundredths of 万元 as printed. A printed figure is the true one rounded to 0.01 万元,
 * so two different printed figures always differ the same way as the true ones (the direction
 * words must match), while two equal printed figures may hide a difference below 0.01 万元 (大于/
 * 小于 is then only a 提示). A rate must be what the printed figures give; one that only the
 * unrounded figures could give is a 提示.
 */
const N = '(\\d[\\d,，]*(?:\\.\\d+)?)';
const P = '(-?\\d+(?:\\.\\d+)?)[%％]';
const YEAR = '(?:上年度?|\\d{4}年度?)';

export interface BudgetPair {
  kind: 'pair';
  at: number;
  budget: number;
  final: number;
  /** 完成（年初）预算的 P% */
  completion?: PrintedRate;
  /** 预决算差异率 P% */
  variance?: PrintedRate;
  /** 决算数大于/小于/等于预算数, 与预算数（基本）持平, as written after the pair in its item. */
  word?: { text: string; at: number };
  excerpt: string;
}

/** A 决算数 stated with its 完成率 but without the budget (“因公出国（境）费决算为0.00万元，完成预算的0%”). */
export interface FinalWithRate {
  kind: 'final-rate';
  at: number;
  final: number;
  completion: PrintedRate;
  excerpt: string;
}

export interface PriorChange {
  kind: 'change';
  at: number;
  /** The figure the change is of, when the text states it right before the change. */
  current?: number;
  word: '增加' | '减少';
  amount: number;
  rateWord: string;
  rate: PrintedRate;
  excerpt: string;
}

export type ComparisonClaim = BudgetPair | FinalWithRate | PriorChange;

const PAIR = `(?:年初|全年)预算(?:数)?(?:为|是)?${N}万元[，,]?(?:支出)?决算(?:数)?(?:为|是)?${N}万元(?:[，,](?:完成(?:年初)?预算的${P}|预决算差异率(?:为)?${P}))?`;
const FINAL_RATE = `决算(?:数)?(?:为)?${N}万元[，,]完成(?:年初)?预算的${P}`;
const WORD = '决算数(大于|小于|等于|高于|低于)(?:年初)?预算数|决算数与(?:年初)?预算数((?:基本)?(?:持平|一致|相等))';
const LEAD = `(?:${N}万元(?:[，,]占[^，。；%％]{0,15}?\\d+(?:\\.\\d+)?[%％])?[，。,])?`;
const CHANGE_BI = `${LEAD}(?:比|较)${YEAR}(?:决算(?:数)?)?(增加|减少)${N}万元[，,]?(增长|下降|增加|减少)${P}`;
const CHANGE_YU = `${LEAD}与${YEAR}(?:决算)?相比[，,]?[^，。；]{0,30}?(增加|减少)${N}万元[，,]?(增长|下降|增加|减少)${P}`;
/** An item boundary: the next numbered line or heading starts a new item (a 大于/小于 never reaches back past it). */
const ITEM = `[（(]${ITEM_NUMERAL}[）)]|(?:^|[。；;：:])(?:\\d{1,3}[、.．](?!\\d)|[一二三四五六七八九十]{1,3}、)`;

const SCAN = new RegExp(`(?<pair>${PAIR})|(?<fr>${FINAL_RATE})|(?<word>${WORD})|(?<bi>${CHANGE_BI})|(?<yu>${CHANGE_YU})|(?<item>${ITEM})`, 'gu');

/** A printed amount in hundredths of 万元 (half up beyond two decimals); null when unreadable. */
export function hundredths(text: string): number | null {
  const p = parseAmount(text.replace(/[,，]/g, ''), '万元');
  return p.ok ? Math.round(p.fen / 10_000) : null;
}

const excerptAt = (text: string, from: number, to: number) => text.slice(from, Math.min(to, from + 120));

/** The comparisons of one text (a section or paragraph as printed; whitespace is ignored). */
export function comparisonClaims(raw: string): ComparisonClaim[] {
  const text = raw.replace(/\s+/g, '');
  const out: ComparisonClaim[] = [];
  let last: BudgetPair | undefined;
  for (const m of text.matchAll(SCAN)) {
    const g = m.slice(1);
    const at = m.index;
    const ex = excerptAt(text, at, at + m[0].length);
    const k = m.groups!;
    if (k.item !== undefined) {
      last = undefined;
    } else if (k.pair !== undefined) {
      const [b, f, c, v] = g.slice(1, 5);
      const budget = hundredths(b!);
      const final = hundredths(f!);
      if (budget === null || final === null) continue;
      last = { kind: 'pair', at, budget, final, excerpt: ex };
      const completion = c ? printedRate(c) : null;
      const variance = v ? printedRate(v) : null;
      if (completion) last.completion = completion;
      if (variance) last.variance = variance;
      out.push(last);
    } else if (k.fr !== undefined) {
      const final = hundredths(g[6]!);
      const completion = printedRate(g[7]!);
      if (final !== null && completion) out.push({ kind: 'final-rate', at, final, completion, excerpt: ex });
    } else if (k.word !== undefined) {
      if (last && !last.word) last.word = { text: g[9] ?? g[10]!, at };
    } else {
      const base = k.bi !== undefined ? 12 : 18;
      const [cur, word, amt, rateWord, rate] = g.slice(base, base + 5);
      const amount = hundredths(amt!);
      const r = printedRate(rate!);
      if (amount === null || !r) continue;
      const c: PriorChange = { kind: 'change', at, word: word as '增加' | '减少', amount, rateWord: rateWord!, rate: r, excerpt: ex };
      const current = cur ? hundredths(cur) : null;
      if (current !== null) c.current = current;
      out.push(c);
    }
  }
  return out;
}

export interface WordingProblem {
  /** relation: 大于/小于/等于 against the figures; completion / variance / change-rate: a rate; rate-word: 增加 with 下降;
   * zero-change: 增加 0.00 万元; negative-prior: an increase larger than this year's figure. */
  kind: 'relation' | 'completion' | 'variance' | 'change-rate' | 'rate-word' | 'zero-change' | 'negative-prior';
  severity: 'error' | 'warning';
  /** The stated text it is about. */
  excerpt: string;
  expected: string;
  actual: string;
  message: string;
}

const w = (h: number) => {
  const a = Math.abs(h);
  const s = `${Math.floor(a / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(a % 100).padStart(2, '0')}`;
  return h < 0 ? `-${s}` : s;
};
const pct = (bp: number, decimals = 2) => `${decimals === 2 ? formatBasisPoints(bp) : (bp / 100).toFixed(decimals)}%`;

/** What is wrong with the comparisons of a text: wording against the numbers, rates against the figures. */
export function comparisonProblems(raw: string): WordingProblem[] {
  return comparisonClaims(raw).flatMap((c) => claimProblems(c));
}

export function claimProblems(c: ComparisonClaim): WordingProblem[] {
  if (c.kind === 'pair') return pairProblems(c);
  if (c.kind === 'final-rate') return [];
  return changeProblems(c);
}

function pairProblems(c: BudgetPair): WordingProblem[] {
  const out: WordingProblem[] = [];
  const rel = relation(c.final, c.budget);
  const said = c.word?.text;
  if (said) {
    const flat = /持平|一致|相等|等于/.test(said);
    const saidRel = flat ? 'equal' : /大于|高于/.test(said) ? 'greater' : 'less';
    const right = rel === 'equal' ? '与预算数持平' : `${RELATION_WORD[rel]}预算数`;
    const problem = (severity: WordingProblem['severity'], message: string) =>
      out.push({ kind: 'relation', severity, excerpt: c.excerpt, expected: right, actual: said, message });
    if (saidRel !== rel) {
      if (rel === 'equal') {
        problem('warning', `决算数 ${w(c.final)} 万元与年初预算 ${w(c.budget)} 万元印制数相同，文字却说决算数${said}预算数（元位差异印制数看不出，请核实）`);
      } else if (flat && /基本/.test(said) && Math.abs(c.final - c.budget) <= 1) {
        problem('warning', `决算数 ${w(c.final)} 万元${RELATION_WORD[rel]}年初预算 ${w(c.budget)} 万元（相差 0.01 万元），文字说“${said}”`);
      } else {
        problem('error', `决算数 ${w(c.final)} 万元${RELATION_WORD[rel]}年初预算 ${w(c.budget)} 万元，文字却说决算数${flat ? `与预算数${said}` : `${said}预算数`}`);
      }
    }
  }
  if (c.completion) out.push(...rateProblem('completion', '完成率', c.completion, completionBp(c.final, c.budget), c.final, c.budget, 0.5, c.excerpt));
  if (c.variance) {
    const exact = varianceBp(c.final, c.budget);
    // The packets print the difference rate either signed or as its magnitude.
    const rate = exact !== null && exact < 0 && c.variance.bp > 0 ? { ...c.variance, bp: -c.variance.bp } : c.variance;
    if (exact !== null && exact >= 0 && rate.bp < 0) {
      out.push({ kind: 'variance', severity: 'error', excerpt: c.excerpt, expected: pct(exact), actual: pct(rate.bp, rate.decimals), message: `决算数 ${w(c.final)} 万元大于年初预算 ${w(c.budget)} 万元，预决算差异率却为负数 ${pct(rate.bp, rate.decimals)}` });
    } else {
      out.push(...rateProblem('variance', '预决算差异率', { ...rate, bp: Math.abs(rate.bp) }, exact === null ? null : Math.abs(exact), Math.abs(c.final - c.budget), c.budget, 1, c.excerpt));
    }
  }
  return out;
}

/** A printed rate against the one the printed figures give; a rate only the unrounded figures could give is a 提示. */
function rateProblem(kind: 'completion' | 'variance', what: string, rate: PrintedRate, exact: number | null, num: number, den: number, numSlack: number, excerpt: string): WordingProblem[] {
  // No budget (or no last year): there is no rate to check.
  if (exact === null) return [];
  const want = asPrinted(exact, rate.decimals);
  if (want === rate.bp) return [];
  const near = rateReachable(rate, num, den, numSlack, 0.5);
  const msg = `${what}应为 ${pct(exact)}（${w(num)} ÷ ${w(den)}），文字为 ${pct(rate.bp, rate.decimals)}`;
  return [{ kind, severity: near ? 'warning' : 'error', excerpt, expected: pct(exact), actual: pct(rate.bp, rate.decimals), message: near ? `${msg}；按未舍入的数可以得到，可能是尾差` : msg }];
}

function changeProblems(c: PriorChange): WordingProblem[] {
  const out: WordingProblem[] = [];
  const p = (kind: WordingProblem['kind'], severity: WordingProblem['severity'], expected: string, actual: string, message: string) =>
    out.push({ kind, severity, excerpt: c.excerpt, expected, actual, message });
  const up = c.word === '增加';
  if ((up && /下降|减少/.test(c.rateWord)) || (!up && /增长|增加/.test(c.rateWord))) {
    p('rate-word', 'error', up ? '增长' : '下降', c.rateWord, `文字说${c.word} ${w(c.amount)} 万元，增减率却用“${c.rateWord}”`);
  }
  if (c.amount === 0) {
    p('zero-change', 'warning', '持平', `${c.word}0.00万元`, `增减额为 0（${c.word} 0.00 万元，${c.rateWord} ${pct(c.rate.bp, c.rate.decimals)}），应作持平表述`);
    return out;
  }
  if (c.current === undefined) return out;
  const prior = up ? c.current - c.amount : c.current + c.amount;
  if (prior < 0) {
    p('negative-prior', 'error', `增加额不超过 ${w(c.current)}`, w(c.amount), `本年 ${w(c.current)} 万元，却说比上年增加 ${w(c.amount)} 万元（上年应为负数）`);
    return out;
  }
  const exact = changeAgainst(c.current, prior).bp;
  const want = asPrinted(exact, c.rate.decimals);
  if (Math.abs(c.rate.bp) === want) return out;
  // From last year's 0 the packets write 100.00%; no other rate has an exact counterpart then.
  if (prior === 0) {
    p('change-rate', 'error', '100.00%', pct(c.rate.bp, c.rate.decimals), `上年为 0（本年 ${w(c.current)} 万元全为增加），增长率应写 100.00%，文字为 ${pct(c.rate.bp, c.rate.decimals)}`);
    return out;
  }
  const near = rateReachable({ ...c.rate, bp: Math.abs(c.rate.bp) }, c.amount, prior, 1, 0.5);
  const msg = `${c.rateWord}率应为 ${pct(exact)}（${w(c.amount)} ÷ 上年 ${w(prior)}），文字为 ${pct(c.rate.bp, c.rate.decimals)}`;
  p('change-rate', near ? 'warning' : 'error', pct(exact), pct(c.rate.bp, c.rate.decimals), near ? `${msg}；按未舍入的数可以得到，可能是尾差` : msg);
  return out;
}
