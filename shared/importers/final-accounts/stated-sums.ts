import type { Finding } from '../../rules/finding';
import { auditFinding, wan } from '../../rules/packet-audit/context';
import { FA_SECTIONS, type FaSection, faPrintedKey } from './printed-sections';
import { CLAIMS, claimFigures, FA_SECTION_NAMES, type FaClaim, type GbLine, gbLines, squashed } from './stated-claims';

/**
 * A 部门决算 packet that printed no tables (Xinjiang publishes its 决算 tables apart from the text):
 * its 情况说明 is audited against itself. Each “其中” list of the text must add up to the total it
 * breaks down, and a figure stated in two sections must be the same both times. With tables, each
 * figure is checked against its cell and the tables' sums by the engine instead, so these would
 * only repeat those findings. (政府采购 and the vehicles, which no table holds, are checked in every
 * packet: shared/rules/packet-audit/listed-parts.ts.)
 */

/** A total the text breaks down, by the claims' names; `section:what` names another section's figure. */
interface StatedSum {
  section: FaSection;
  whole: string;
  parts: string[];
}

const SUMS: StatedSum[] = [
  { section: 'overview', whole: '收入总计', parts: ['本年收入合计', '使用非财政拨款结余', '年初结转和结余'] },
  { section: 'overview', whole: '支出总计', parts: ['本年支出合计', '结余分配', '年末结转和结余'] },
  { section: 'overview', whole: '本年支出合计', parts: ['expenditure:本年支出合计'] },
  { section: 'income', whole: '本年收入合计', parts: ['财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'] },
  { section: 'expenditure', whole: '本年支出合计', parts: ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'] },
  { section: 'fiscal', whole: '财政拨款收入支出总计', parts: ['年初财政拨款结转和结余', '本年财政拨款收入'] },
  { section: 'fiscal', whole: '财政拨款支出总计', parts: ['年末财政拨款结转和结余', '本年财政拨款支出'] },
  { section: 'basic', whole: '一般公共预算财政拨款基本支出', parts: ['人员经费', '公用经费'] },
  { section: 'threePublic', whole: '“三公”经费支出决算', parts: ['因公出国（境）费', '公务用车购置及运行维护费', '公务接待费'] },
  { section: 'threePublic', whole: '公务用车购置及运行维护费', parts: ['公务用车购置费', '公务用车运行维护费'] },
];

interface Figure {
  section: FaSection;
  claim: FaClaim;
  cents: number;
}

/** Every figure the 情况说明 states, by `section|what`. */
function statedFigures(printed: Readonly<Record<string, string>>): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const s of FA_SECTIONS) {
    const text = squashed(printed, s);
    if (!text) continue;
    for (const claim of CLAIMS[s] ?? []) {
      // A second, different figure for the same claim in its section is kept apart: restated below.
      claimFigures(claim, text).forEach((f, k) => {
        out.set(`${s}|${claim.what}${k > 0 ? `|${k}` : ''}`, { section: s, claim, cents: f.cents });
      });
    }
  }
  return out;
}

/** The figure the text states for a table cell (the first section to state it), or null: the tables' stand-in. */
export function statedCell(printed: Readonly<Record<string, string>>): (table: number, row: string, col: string) => number | null {
  const byCell = new Map<string, number>();
  for (const f of statedFigures(printed).values()) {
    const c = f.claim.cell;
    const key = c && `${c.table}|${c.row}|${c.col}`;
    if (key && !byCell.has(key)) byCell.set(key, f.cents);
  }
  return (table, row, col) => byCell.get(`${table}|${row}|${col}`) ?? null;
}


/**
 * Each printed part is rounded to 0.01 万元 on its own, so n parts may miss their total by up to
 * n × 0.005 万元: said, but still an error (a published total should tie out to what it lists).
 */
function roundingNote(a: number, b: number, parts = 1): string {
  const d = Math.abs(a - b);
  if (d === 1) return '（相差 0.01 万元，可能是尾差）';
  return d * 2 <= parts ? `（相差 ${wan(d)} 万元，在 ${parts} 项各自四舍五入的误差之内，可能是尾差）` : '';
}

/** The text's totals against the parts it lists, and each figure stated twice against itself. */
export function statedSumFindings(printed: Readonly<Record<string, string>>): Finding[] {
  const figures = statedFigures(printed);
  const out: Finding[] = [];
  for (const sum of SUMS) {
    const whole = figures.get(`${sum.section}|${sum.whole}`);
    if (!whole) continue;
    const name = FA_SECTION_NAMES[sum.section];
    const parts = sum.parts.map((p) => {
      const [s, what] = p.includes(':') ? (p.split(':') as [FaSection, string]) : [sum.section, p];
      return { label: s === sum.section ? what : `${FA_SECTION_NAMES[s]}所述${what}`, figure: figures.get(`${s}|${what}`) };
    });
    const stated = parts.filter((p) => p.figure !== undefined);
    if (stated.length === 0) continue;
    const total = stated.reduce((a, p) => a + p.figure!.cents, 0);
    const all = stated.length === parts.length;
    // A part left unsaid may be 0 or not: the parts said can only be checked for exceeding the total.
    if (total === whole.cents || (!all && total < whole.cents)) continue;
    const listed = stated.map((p) => `${p.label} ${wan(p.figure!.cents)}`).join(' + ');
    const message =
      parts.length === 1
        ? `${name}所述${sum.whole} ${wan(whole.cents)} 万元与${parts[0]!.label} ${wan(total)} 万元不一致${roundingNote(total, whole.cents)}`
        : all
          ? `${name}所述${sum.whole} ${wan(whole.cents)} 万元，而所列各项之和为 ${wan(total)} 万元（${listed}）${roundingNote(total, whole.cents, parts.length)}`
          : `${name}所列${sum.whole}的各项之和 ${wan(total)} 万元（${listed}）已超过所述${sum.whole} ${wan(whole.cents)} 万元`;
    out.push(
      auditFinding({
        rule: 'packet.narrative.parts',
        key: `fa|parts|${sum.section}|${sum.whole}`,
        rowKey: faPrintedKey(sum.section),
        row: `${name}：${sum.whole}`,
        expected: wan(total),
        actual: wan(whole.cents),
        message,
      }),
    );
  }
  out.push(...gbBreakdownFindings(printed, figures), ...restatedFindings(figures));
  return out;
}

/** 五's 类 (结构情况) and 项 (具体情况) lines against its total, and each 类 against its 项. */
function gbBreakdownFindings(printed: Readonly<Record<string, string>>, figures: Map<string, Figure>): Finding[] {
  const total = figures.get('gb|一般公共预算财政拨款支出')?.cents;
  const text = squashed(printed, 'gb');
  if (total === undefined || !text) return [];
  const { classes, items } = gbLines(text);
  const name = FA_SECTION_NAMES.gb;
  const out: Finding[] = [];
  const against = (what: string, key: string, lines: readonly GbLine[], whole: number, wholeName: string) => {
    const sum = lines.reduce((a, x) => a + x.cents, 0);
    if (sum === whole) return;
    out.push(
      auditFinding({
        rule: 'packet.narrative.parts',
        key: `fa|parts|gb|${key}`,
        rowKey: faPrintedKey('gb'),
        row: `${name}：${what}`,
        expected: wan(sum),
        actual: wan(whole),
        message: `${name}所列${what}之和为 ${wan(sum)} 万元，所述${wholeName}为 ${wan(whole)} 万元${roundingNote(sum, whole, lines.length)}`,
      }),
    );
  };
  if (classes.length > 1) against('各类支出', 'classes', classes, total, '一般公共预算财政拨款支出');
  if (items.length > 1) against('各项支出', 'items', items, total, '一般公共预算财政拨款支出');
  if (items.length > 0) {
    for (const c of classes) {
      const own = items.filter((i) => i.className === c.className);
      if (own.length > 0) against(`${c.className}（类）下各项`, `class|${c.className}`, own, c.cents, `${c.className}（类）`);
    }
  }
  return out;
}

/** A figure for one cell stated twice differently: in two sections, or twice in one. */
function restatedFindings(figures: Map<string, Figure>): Finding[] {
  const first = new Map<string, Figure>();
  const out: Finding[] = [];
  for (const f of figures.values()) {
    const c = f.claim.cell;
    if (!c) continue;
    const key = `${c.table}|${c.row}|${c.col}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, f);
      continue;
    }
    if (earlier.cents === f.cents) continue;
    const same = earlier.section === f.section;
    const a = same ? '前文所述' : `${FA_SECTION_NAMES[earlier.section]}所述${earlier.claim.what}`;
    const b = `${FA_SECTION_NAMES[f.section]}所述${f.claim.what}`;
    out.push(
      auditFinding({
        rule: 'packet.narrative.restated',
        key: `fa|restated|${key}|${f.section}|${f.cents}`,
        rowKey: faPrintedKey(f.section),
        row: `${FA_SECTION_NAMES[f.section]}：${f.claim.what}`,
        expected: wan(earlier.cents),
        actual: wan(f.cents),
        message: `${b} ${wan(f.cents)} 万元与${a} ${wan(earlier.cents)} 万元不一致（同一个数）${roundingNote(f.cents, earlier.cents)}`,
      }),
    );
  }
  return out;
}
