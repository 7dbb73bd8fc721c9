import type { ParsedFixedTable } from './fixed';
import type { ParsedRow } from './hier';

/**
 * Tie-breakers for placing numbers whose column the text lost. They only decide between
 * placements that satisfy every sum equally well.
 */

/** Table 2 columns the department has money in, from table 1's income lines. */
export function table2Active(t1: ParsedFixedTable | undefined): Set<string> | undefined {
  if (!t1) return undefined;
  const v = (key: string) => t1.cells.get(key)?.get('1') ?? 0;
  const active = new Set(['1', '2']);
  const map: Array<[string, string]> = [
    ['in.gb.own', '3'],
    ['in.gb.transfer', '4'],
    ['in.fund.own', '5'],
    ['in.fund.transfer', '6'],
    ['in.soe.own', '7'],
    ['in.soe.transfer', '8'],
    ['in.special', '9'],
    ['in.unit', '10'],
    ['in.carry.fiscal', '11'],
    ['in.carry.nonfiscal', '12'],
  ];
  for (const [key, col] of map) if (v(key) !== 0) active.add(col);
  // A 一般公共预算 line without its 其中 split: both of its columns stay possible.
  if (v('in.gb') !== 0 && v('in.gb.own') === 0 && v('in.gb.transfer') === 0) active.add('3').add('4');
  if (v('in.fund') !== 0 && v('in.fund.own') === 0 && v('in.fund.transfer') === 0) active.add('5').add('6');
  if (v('in.soe') !== 0 && v('in.soe.own') === 0 && v('in.soe.transfer') === 0) active.add('7').add('8');
  return active.size > 2 ? active : undefined;
}

/** Table 4 expenditure columns with money, from its own income lines. */
export function table4Active(t4income: Map<string, Map<string, number>>): Set<string> | undefined {
  const v = (key: string) => t4income.get(key)?.get('1') ?? 0;
  const active = new Set(['2']);
  if (v('in.gb') !== 0) active.add('3');
  if (v('in.fund') !== 0) active.add('4');
  if (v('in.soe') !== 0) active.add('5');
  return active.size > 1 ? active : undefined;
}

/** Table 11 columns: 财政拨款 (2–5) and 非财政拨款 (6–9) only where table 1 has carry-overs. */
export function table11Active(t1: ParsedFixedTable | undefined): Set<string> | undefined {
  if (!t1) return undefined;
  const fiscal = t1.cells.get('in.carry.fiscal')?.get('1') ?? 0;
  const nonfiscal = t1.cells.get('in.carry.nonfiscal')?.get('1') ?? 0;
  if (fiscal === 0 && nonfiscal === 0) return undefined;
  const active = new Set(['1']);
  if (fiscal !== 0) for (const c of ['2', '3', '4', '5']) active.add(c);
  if (nonfiscal !== 0) for (const c of ['6', '7', '8', '9']) active.add(c);
  return active;
}

const BASIC_NAMES = /行政运行|事业运行|一般行政管理事务之外|机关服务|离退休|养老|医疗|公积金|提租补贴|购房补贴|抚恤|年金|社会保险/;

/** Tables 3, 5, 8, 9: 基本支出 for running costs and personnel, 项目支出 where table 7 has projects. */
export function basicOrProject(projectCodes: ReadonlySet<string>, basicCols: readonly string[], projectCol: string) {
  // Asked once per row, column and candidate placement: the row's facts are worked out once.
  const facts = new WeakMap<ParsedRow, { isProject: boolean; basic: boolean }>();
  const factsOf = (row: ParsedRow) => {
    let f = facts.get(row);
    if (!f) {
      const code = row.code ?? '';
      const isProject = code.length === 7 ? projectCodes.has(code) : [...projectCodes].some((c) => c.startsWith(code)) && !BASIC_NAMES.test(row.name);
      f = { isProject, basic: BASIC_NAMES.test(row.name) && !projectCodes.has(code) };
      facts.set(row, f);
    }
    return f;
  };
  return (row: ParsedRow, col: string): number => {
    const { isProject, basic } = factsOf(row);
    if (col === projectCol) return isProject ? 2 : basic ? -1 : 0;
    if (basicCols.includes(col)) return basic || !isProject ? 1 : 0;
    return 0;
  };
}

/** Table 6: 301 and 303 are 人员经费, 302 and the rest 公用经费. */
export function economicPrior(row: ParsedRow, col: string): number {
  const cls = row.code?.slice(0, 3);
  if (!cls) return 0;
  const personnel = cls === '301' || cls === '303';
  return (col === '2') === personnel ? 1 : 0;
}

const T7_HINTS: ReadonlyArray<[string, RegExp]> = [
  ['2', /工资|津贴|奖金|绩效|社会保障缴费|公积金|伙食补助/],
  ['4', /对个人和家庭|生活补助|救济|助学金|抚恤|奖励金|个人补贴/],
  ['7', /设备购置|购置费|购置|设备|资本性|基础设施|大型修缮|软件/],
  ['6', /基本建设|建设工程/],
  ['9', /对企业|企业补助|费用补贴|贴息/],
  ['11', /其他支出$/],
];

/**
 * A recipient of the money, not an economic item: a company, co-operative, school, hospital,
 * office… Words inside its name (新疆特变电工自控**设备**有限公司) say nothing about the column.
 */
const RECIPIENT = /(?:公司|集团|企业|厂|合作社|协会|学会|商会|联合会|研究院|研究所|设计院|医院|卫生院|学校|大学|学院|幼儿园|中心|委员会|居委会|村委会|街道|办事处|管理局|局|站|所|馆|队|社|村|社区|个体户|工作室|事务所|银行|基地)$/;
/** A name of an organisation up to its ending, within a run of Chinese (for removing it from a text). */
const RECIPIENT_IN_TEXT = /[\u4e00-\u9fff（）()]{2,30}?(?:有限责任公司|股份有限公司|有限公司|公司|集团|合作社|协会|商会|研究院|研究所|设计院|医院|卫生院|学校|大学|学院|幼儿园|委员会)/g;

/** “办公设备购置费 1 万元” → [label, hundredths of 万元, whether the label names a recipient]. */
function allocationItems(text: string): Array<[string, number, boolean]> {
  const out: Array<[string, number, boolean]> = [];
  for (const m of text.matchAll(/([\u4e00-\u9fff（）()]{2,20}?)\s*(\d+(?:\.\d{1,2})?)\s*万元/g)) {
    const [i = '0', f = ''] = m[2]!.split('.');
    out.push([m[1]!, Number(i) * 100 + Number(f.padEnd(2, '0')), RECIPIENT.test(m[1]!)]);
  }
  return out;
}

/**
 * Table 7: 商品服务 unless the project's 资金分配情况 names another economic 类; strongest when
 * it names one with exactly the amount in question (“办公设备购置费 1 万元” → 资本性支出 1.00).
 * Names of recipients (companies, schools…) are no evidence of a column: `doubt` tells, for an
 * amount placed by inference, the recipient whose name holds another column's word
 * (“新疆特变电工自控设备有限公司 70 万元”), so the importer can say the column is a guess.
 */
export function projectEvidence(descriptionOf: (project: string) => string | undefined) {
  // Asked once per row, column and candidate placement: each description is read once.
  const read = new Map<string, { items: Array<[string, number, boolean]>; hints: Set<string> }>();
  const readingOf = (row: ParsedRow) => {
    const text = row.project ? (descriptionOf(row.project) ?? '') : '';
    let r = read.get(text);
    if (!r) {
      const withoutNames = text.replace(RECIPIENT_IN_TEXT, '');
      r = { items: allocationItems(text), hints: new Set(T7_HINTS.filter(([, re]) => re.test(withoutNames)).map(([c]) => c)) };
      read.set(text, r);
    }
    return r;
  };
  const prior = (row: ParsedRow, col: string, amount: number): number => {
    const { items, hints } = readingOf(row);
    let score = col === '3' ? 2 : 0;
    for (const [c, re] of T7_HINTS) {
      if (c !== col) continue;
      if (hints.has(c)) score += 1;
      if (items.some(([label, v, recipient]) => v === amount && !recipient && re.test(label))) score += 5;
    }
    return score;
  };
  const doubt = (row: ParsedRow, col: string, amount: number): { recipient: string; col: string } | undefined => {
    const { items } = readingOf(row);
    for (const [label, v, recipient] of items) {
      if (!recipient || v !== amount) continue;
      const other = T7_HINTS.find(([c, re]) => c !== col && re.test(label));
      if (other) return { recipient: label, col: other[0] };
    }
    return undefined;
  };
  return { prior, doubt };
}

/** The prior alone (see projectEvidence). */
export function projectPrior(descriptionOf: (project: string) => string | undefined) {
  return projectEvidence(descriptionOf).prior;
}

/** Table 11: carried-over projects go to 项目支出 (5 or 9). */
export function carryoverPrior(row: ParsedRow, col: string): number {
  if (col === '5' || col === '9') return 1;
  if (/人员|工资/.test(row.name) && (col === '3' || col === '7')) return 2;
  if (/公用|运转/.test(row.name) && (col === '4' || col === '8')) return 2;
  return 0;
}
