/**
 * Hostile packets built from a real one: each targets one way a reader can go super-linear
 * (long runs a regex backtracks on, quadratic joins, deep recursion, sheer size).
 */
export interface Adversarial {
  name: string;
  /** Built on demand: the set together is over 60 MB. */
  text: () => string;
}

/** Insert `block` (lines) after the first line matching `at` (from line `from` on). */
function insertAfter(text: string, at: RegExp, block: string[], from = 0): string {
  const lines = text.split('\n');
  let i = lines.findIndex((l, k) => k >= from && at.test(l));
  if (i < 0) i = Math.floor(lines.length / 2);
  return [...lines.slice(0, i + 1), ...block, ...lines.slice(i + 1)].join('\n');
}

/** Line index of the narrative's part 3 heading (the second occurrence: the first is the contents). */
function part3Body(text: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (/^\s*第三部分/.test(l) ? [i] : []));
  return hits[hits.length - 1] ?? 0;
}

const repeatTo = (unit: string, chars: number): string => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

/**
 * `tabbed` is a packet whose tables are tab-separated (003), `spaced` one whose tables are
 * space-separated (000).
 */
export function adversarialPackets(tabbed: string, spaced: string): Adversarial[] {
  const MB = 1024 * 1024;
  const out: Adversarial[] = [];
  const total3 = /^\t*总计\t/;
  out.push({ name: '100k-tab line in a table', text: () => insertAfter(tabbed, total3, ['\t'.repeat(100_000)]) });
  out.push({ name: '100k-tab line then text', text: () => insertAfter(tabbed, total3, [`${'\t'.repeat(100_000)}x`]) });
  out.push({ name: '100k spaces then a tab', text: () => insertAfter(tabbed, total3, [`${' '.repeat(100_000)}\t${' '.repeat(100_000)}`]) });
  // Narrative lines without punctuation, in section 二 (where the change regexes run).
  const p3 = part3Body(tabbed);
  const narr = (name: string, line: () => string) => out.push({ name, text: () => insertAfter(tabbed, /^二、/, [line()], p3) });
  narr('64k CJK line without punctuation', () => repeatTo('一般公共预算收入', 64 * 1024));
  narr('1 MB CJK line without punctuation', () => repeatTo('一般公共预算收入', MB));
  narr('1 MB digit line', () => repeatTo('1234567890', MB));
  narr('1 MB digits and commas', () => repeatTo('1,2', MB));
  narr('1 MB amount words without 万元', () => repeatTo('收入预算12.5', MB));
  narr('1 MB 万元 without a comma', () => repeatTo('支出预算12万元', MB));
  narr('1 MB spaced words', () => repeatTo('预算 收入 ', MB));
  narr('1 MB 比上年 run', () => repeatTo('基本支出1万元，比上年增加', MB));
  out.push({ name: '1 MB line in part 1', text: () => insertAfter(tabbed, /机构设置/, [repeatTo('编制数实有人数下设', MB)]) });
  out.push({ name: '1 MB line in a table', text: () => insertAfter(spaced, /^总计/, [repeatTo('机关事业单位基本养老保险缴费', MB)]) });
  out.push({ name: '1 MB line of amounts in a table', text: () => insertAfter(spaced, /^总计/, [repeatTo('1.00 ', MB)]) });
  out.push({ name: '1 MB glossary line', text: () => `${spaced}\n一、${repeatTo('名词', MB)}` });
  // Many text-only lines: in a table (wrapped-name joining) and in the narrative (paragraph joining).
  const textLines = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word}${i % 10}`);
  out.push({ name: '200k text-only lines in a table (tabbed)', text: () => insertAfter(tabbed, total3, textLines(200_000, '\t\t\t机关事业单位')) });
  out.push({ name: '200k text-only lines in a table (spaced)', text: () => insertAfter(spaced, /^总计/, textLines(200_000, '机关事业单位')) });
  out.push({ name: '100k text-only lines in a table (spaced)', text: () => insertAfter(spaced, /^总计/, textLines(100_000, '机关事业单位')) });
  out.push({ name: '200k text-only lines in part 3', text: () => insertAfter(tabbed, /^二、/, textLines(200_000, '收入预算'), p3) });
  // 5,000 rows under one parent.
  const kids = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i));
  const code2 = (i: number) => String(i % 100).padStart(2, '0');
  out.push({
    name: '5,000 children of one row (tabbed)',
    text: () => insertAfter(tabbed, /^201\t03\t\t/, kids(5000, (i) => `201\t03\t${code2(i)}\t事业运行${i}\t1.00\t1.00\t`)),
  });
  out.push({
    name: '5,000 children of one row (spaced)',
    text: () => insertAfter(spaced, /^201 28 民主/, kids(5000, (i) => `201 28 ${code2(i)} 事业运行${i} 1.00 1.00`)),
  });
  out.push({
    name: '5,000 kuan under one class (spaced)',
    text: () => insertAfter(spaced, /^201 一般/, kids(5000, (i) => `201 ${code2(i)} 事务${i} 2.00 1.00 1.00`)),
  });
  // Sheer size: 50 MB of one table row repeated.
  const row = '201\t03\t50\t事业运行\t116.75\t116.75\t';
  out.push({ name: '50 MB of repeated rows', text: () => insertAfter(tabbed, total3, [repeatTo(`${row}\n`, 50 * MB)]) });
  return out;
}
