import { STATED_AMOUNT } from '../packet/stated-figure';
import { looseCents } from '../packet/tokens';
import { type FaSection, faPrintedKey } from './printed-sections';

/**
 * The figures a 部门决算's 情况说明 states, by what it names them, and the table cell each
 * reports when it reports one. The narrative audit checks them against the tables, or, when the
 * packet printed no tables, against one another (stated-sums.ts).
 */
export const FA_SECTION_NAMES: Record<FaSection, string> = {
  overview: '收入支出决算总体情况说明',
  income: '收入决算情况说明',
  expenditure: '支出决算情况说明',
  fiscal: '财政拨款收入支出决算总体情况说明',
  gb: '一般公共预算财政拨款支出决算情况说明',
  basic: '一般公共预算财政拨款基本支出决算情况说明',
  threePublic: '财政拨款“三公”经费支出决算情况说明',
  fund: '政府性基金预算财政拨款收入支出决算情况说明',
  soe: '国有资本经营预算财政拨款收入支出决算情况说明',
  performance: '预算绩效管理情况',
  other: '其他重要事项的情况说明',
};

/** A figure a section states: what it is called, the pattern that finds it (the amount is the last group), the cell it reports if any. */
export interface FaClaim {
  what: string;
  re: RegExp;
  cell?: { table: number; row: string; col: string };
}

const N = STATED_AMOUNT;

const c = (what: string, re: string, table: number, row: string, col: string): FaClaim => ({ what, re: new RegExp(re), cell: { table, row, col } });

/** The first figure of each kind a section states. */
export const CLAIMS: Partial<Record<FaSection, FaClaim[]>> = {
  overview: [
    c('收入总计', `(?:收入支出|收入)总计(?:为)?${N}万元`, 1, 'in.total', '1'),
    c('支出总计', `(?<!收入)支出总计(?:为)?${N}万元`, 1, 'out.total', '2'),
    c('本年收入合计', `本年收入合计${N}万元`, 1, 'in.sum', '1'),
    c('使用非财政拨款结余', `使用非财政拨款结余(?:[（(]含专用结余[）)])?${N}万元`, 1, 'in.nonfiscal', '1'),
    c('年初结转和结余', `(?<!财政拨款)年初结转和结余${N}万元`, 1, 'in.carry', '1'),
    c('本年支出合计', `本年支出合计${N}万元`, 1, 'out.sum', '2'),
    c('结余分配', `结余分配${N}万元`, 1, 'out.distribution', '2'),
    c('年末结转和结余', `(?<!财政拨款)年末结转和结余${N}万元`, 1, 'out.carry', '2'),
  ],
  income: [
    c('本年收入合计', `本年收入(?:合计)?${N}万元`, 1, 'in.sum', '1'),
    c('财政拨款收入', `财政拨款收入${N}万元`, 4, 'in.sum', '1'),
    c('上级补助收入', `上级补助收入${N}万元`, 1, 'in.superior', '1'),
    c('事业收入', `(?<!单位)事业收入${N}万元`, 1, 'in.business', '1'),
    c('经营收入', `(?<!事业单位)经营收入${N}万元`, 1, 'in.operating', '1'),
    c('附属单位上缴收入', `附属单位上缴收入${N}万元`, 1, 'in.affiliated', '1'),
    c('其他收入', `其他收入${N}万元`, 1, 'in.other', '1'),
  ],
  expenditure: [
    c('本年支出合计', `本年支出(?:合计)?${N}万元`, 3, 'total', '1'),
    c('基本支出', `基本支出${N}万元`, 3, 'total', '2'),
    c('项目支出', `项目支出${N}万元`, 3, 'total', '3'),
    c('上缴上级支出', `上缴上级支出${N}万元`, 3, 'total', '4'),
    c('经营支出', `经营支出${N}万元`, 3, 'total', '5'),
    c('对附属单位补助支出', `对附属单位补助支出${N}万元`, 3, 'total', '6'),
  ],
  fiscal: [
    c('财政拨款收入支出总计', `财政拨款收入(?:支出)?总计(?:为)?${N}万元`, 4, 'in.total', '1'),
    c('财政拨款支出总计', `财政拨款支出总计(?:为)?${N}万元`, 4, 'out.total', '2'),
    c('年初财政拨款结转和结余', `年初财政拨款结转和结余${N}万元`, 4, 'in.carry', '1'),
    c('本年财政拨款收入', `本年财政拨款收入${N}万元`, 4, 'in.sum', '1'),
    c('年末财政拨款结转和结余', `年末财政拨款结转和结余${N}万元`, 4, 'out.carry', '2'),
    c('本年财政拨款支出', `本年财政拨款支出${N}万元`, 4, 'out.sum', '2'),
  ],
  gb: [c('一般公共预算财政拨款支出', `一般公共预算财政拨款支出(?:决算)?(?:为)?${N}万元`, 5, 'total', '1')],
  basic: [
    c('一般公共预算财政拨款基本支出', `基本支出${N}万元`, 5, 'total', '2'),
    c('人员经费', `人员经费${N}万元`, 6, 'in.total', '1'),
    c('公用经费', `公用经费${N}万元`, 6, 'out.total', '2'),
  ],
  threePublic: [
    c('“三公”经费支出决算', `“三公”经费(?:财政拨款)?支出(?:年初预算为${N}万元[，,]支出)?决算(?:数)?为${N}万元|“三公”经费支出${N}万元`, 7, 'amount', '2'),
    c('因公出国（境）费', `因公出国[（(]境[）)]费(?:支出)?(?:决算(?:数)?为|支出)?${N}万元`, 7, 'amount', '4'),
    c('公务用车购置及运行维护费', `公务用车购置及运行维护费(?:支出)?(?:决算(?:数)?为)?${N}万元`, 7, 'amount', '6'),
    c('公务用车购置费', `公务用车购置费(?:支出)?(?:决算(?:数)?为)?${N}万元`, 7, 'amount', '8'),
    c('公务用车运行维护费', `公务用车运行维护费(?:支出)?(?:决算(?:数)?为)?${N}万元`, 7, 'amount', '10'),
    c('公务接待费', `公务接待费(?:支出)?(?:决算(?:数)?为)?${N}万元`, 7, 'amount', '12'),
  ],
};

/** A claim's figure in a section's text (whitespace squashed), in hundredths of 万元; undefined when not stated. */
export function claimFigure(claim: FaClaim, text: string): { cents: number; at: number } | undefined {
  return claimFigures(claim, text)[0];
}

/**
 * Each distinct figure a section states for a claim, in order: a section may state one twice (the
 * 三公 summary and its details), and the second may be the slip.
 */
export function claimFigures(claim: FaClaim, text: string): Array<{ cents: number; at: number }> {
  const out: Array<{ cents: number; at: number }> = [];
  for (const m of text.matchAll(new RegExp(claim.re.source, 'g'))) {
    const raw = m.slice(1).filter((x) => x !== undefined).at(-1);
    const cents = raw ? looseCents(raw) : null;
    if (cents !== null && !out.some((f) => f.cents === cents)) out.push({ cents, at: m.index });
  }
  return out;
}

export const squashed = (printed: Readonly<Record<string, string>>, s: FaSection) => (printed[faPrintedKey(s)] ?? '').replace(/\s+/g, '');

const NAME = '[^（(。；;：:]{1,60}';
const NUMBERED = '(?<![\\d.])\\d{1,3}[、.．](?!\\d)';
/** `1.一般公共服务支出(类)229.62万元`: a 类 line of 五（二）. */
const CLASS_LINE = new RegExp(`${NUMBERED}(${NAME}?)[（(]类[）)](?:支出)?(?:决算(?:数)?为)?[:：]?${N}万元`, 'g');
/** `1.X(类)Y(款)Z(项):支出决算数为N万元`: a 项 line of 五（三） (and of 七, 八). */
const ITEM_LINE = new RegExp(`${NUMBERED}(${NAME}[（(]类[）)]${NAME}[（(]款[）)]${NAME}[（(]项[）)])[^]{0,200}?(?:支出)?决算(?:数)?为${N}万元`, 'g');

export interface GbLine {
  /** The 类's name as printed; for a 项, its whole path `X（类）Y（款）Z（项）`. */
  className: string;
  path: string;
  cents: number;
}

/** The 类 and 项 lines of a section's text (whitespace squashed), each with its figure. */
export function gbLines(text: string): { classes: GbLine[]; items: GbLine[] } {
  const line = (path: string, amount: string): GbLine | undefined => {
    const cents = looseCents(amount);
    const className = path.split(/[（(]类[）)]/)[0]!;
    return cents === null ? undefined : { className, path, cents };
  };
  const classes = [...text.matchAll(CLASS_LINE)].flatMap((m) => line(m[1]!, m[2]!) ?? []);
  const items = [...text.matchAll(ITEM_LINE)].flatMap((m) => line(m[1]!, m[2]!) ?? []);
  return { classes, items };
}
