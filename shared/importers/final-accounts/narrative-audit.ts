import type { BudgetSession } from '../../engine/session';
import { amountCount } from '../../model/amount-count';
import { asPrinted, completionBp, printedRate, rateReachable } from '../../narrative/final-accounts/comparison';
import { claimProblems, comparisonClaims, hundredths } from '../../narrative/final-accounts/wording';
import { halfUpBasisPoints } from '../../narrative/shares';
import type { Finding } from '../../rules/finding';
import { auditFinding, wan } from '../../rules/packet-audit/context';
import { tableViewCell } from '../../views/table-view';
import { STATED_AMOUNT } from '../packet/stated-figure';
import { looseCents } from '../packet/tokens';
import { FA_SECTIONS, FA_TABLES_ABSENT, type FaSection, faPrintedKey, hasFinalAccountsText } from './printed-sections';
import { CLAIMS, claimFigures, FA_SECTION_NAMES, gbLines, squashed } from './stated-claims';
import { statedCell, statedSumFindings } from './stated-sums';

const N = STATED_AMOUNT;

/** A 决算 imported without its tables: what is printed from it now is 0 throughout, until they are entered. */
function tablesAbsent(): Finding {
  return auditFinding({
    rule: 'packet.tables.absent',
    key: 'fa|tables',
    rowKey: 'tables',
    row: '各表',
    expected: '',
    actual: '',
    message: '文件未附决算公开表，本文档各表为空：情况说明只与文中各数相互核对；打印公开文件前请录入或粘贴各表，否则表和情况说明印出的数都是 0',
  });
}

/** 三公 年初预算 columns of 表7 by the item a “…决算为 X 万元，完成预算的 P%” names. */
const THREE_PUBLIC_BUDGET: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/“三公”经费/, '1', '2'],
  [/因公出国/, '3', '4'],
  [/公务用车购置及运行/, '5', '6'],
  [/公务接待/, '11', '12'],
];

/** Shares a section states (“X 万元，占 y%”) and the cell of the whole they are shares of. */
const SHARE_WHOLE: Partial<Record<FaSection, { table: number; row: string; col: string }>> = {
  income: { table: 1, row: 'in.sum', col: '1' },
  expenditure: { table: 3, row: 'total', col: '1' },
  gb: { table: 5, row: 'total', col: '1' },
  threePublic: { table: 7, row: 'amount', col: '2' },
};

const RUNNING_COSTS = new RegExp(`机关运行经费(?:支出)?(?:为)?${N}万元`);

/**
 * 十一（一） 机关运行经费 against 表6 公用经费合计. The template defines it as the 日常公用经费 of 行政单位 and
 * 参公事业单位 from 一般公共预算财政拨款 基本支出, which equals 表6's 公用经费 only when every unit is one of those:
 * so a difference is a 提示 to confirm, never an error.
 */
function runningCostFindings(text: string, name: string, cell: (table: number, row: string, col: string) => number | null, textOnly: boolean): Finding[] {
  const m = RUNNING_COSTS.exec(text);
  const said = m?.[1] ? looseCents(m[1]) : null;
  const want = cell(6, 'out.total', '2');
  if (said === null || want === null || said === want) return [];
  return [
    auditFinding({
      rule: 'packet.narrative.table',
      severity: 'warning',
      key: 'fa|other|6|out.total|2|running',
      table: 6,
      rowKey: 'out.total',
      row: `${name}：机关运行经费`,
      column: '2',
      expected: wan(want),
      actual: wan(said),
      message: `${name}所述机关运行经费 ${wan(said)} 万元与${textOnly ? `${FA_SECTION_NAMES.basic}所述公用经费` : '表6 公用经费合计'}（${wan(want)} 万元）不同：若部门含非参公事业单位可不同，请核对`,
    }),
  ];
}

/**
 * “收入支出总体与上年相比，减少 D 万元，下降 P%” (and 四's “财政拨款收入支出总体…”) names its figure
 * before the comparison rather than stating it: it is the section's 总计 (表1 收入总计, 表4 收入总计;
 * without tables, as the text states it), which the rate is then checked against.
 */
function changeOfTotal(s: FaSection, before: string, cell: (table: number, row: string, col: string) => number | null): number | null {
  if (s === 'overview' && /(?<!财政拨款)收入支出(?:总体|总计)?$/.test(before)) return cell(1, 'in.total', '1');
  if (s === 'fiscal' && /财政拨款收入支出(?:总体|总计)?$/.test(before)) return cell(4, 'in.total', '1');
  return null;
}

const EXECUTION = new RegExp(`整体支出[^。；]{0,40}?实际执行(?:总额|数)(?:为)?${N}万元`);

/**
 * 预算绩效管理情况's 整体支出绩效自评 “实际执行总额 X 万元” against 本年支出合计: the whole spending
 * the department evaluates is the year's spending. A 提示: a region may evaluate the fiscal money only.
 */
function executionFindings(text: string, name: string, cell: (table: number, row: string, col: string) => number | null, textOnly: boolean): Finding[] {
  const m = EXECUTION.exec(text);
  const said = m?.[1] ? looseCents(m[1]) : null;
  const want = cell(3, 'total', '1');
  if (said === null || want === null || said === want) return [];
  return [
    auditFinding({
      rule: 'packet.narrative.table',
      severity: 'warning',
      key: 'fa|performance|3|total|1|execution',
      table: 3,
      rowKey: 'total',
      row: `${name}：整体支出实际执行总额`,
      column: '1',
      expected: wan(want),
      actual: wan(said),
      message: `${name}所述整体支出实际执行总额 ${wan(said)} 万元与${textOnly ? `${FA_SECTION_NAMES.expenditure}所述本年支出合计` : '表3 本年支出合计'}（${wan(want)} 万元）不同：整体支出的执行数通常即本年支出，请核对`,
    }),
  ];
}

/**
 * A 部门决算 packet's 情况说明 against its tables and against itself: each stated amount against
 * the cell it reports (表1, 表3–7), the shares (占 x%) against the amounts, and every comparison —
 * 决算数 against 年初预算 (大于/小于/等于, 完成率, 预决算差异率) and against last year (增加/减少,
 * 增长/下降 and the rate) — through shared/narrative/final-accounts/wording.ts. Figures are in
 * hundredths of 万元 as printed, so the tolerance is that of 0.01 万元 rounding. A packet that
 * printed no tables is audited against itself: its figures stand in for the cells (stated-sums.ts).
 */
export function finalAccountsNarrativeFindings(session: BudgetSession): Finding[] {
  const printed = session.document.narrative.printed;
  if (!hasFinalAccountsText(printed)) return [];
  // Imported from a packet that printed no tables, and none entered since.
  const textOnly = printed[FA_TABLES_ABSENT] !== undefined && amountCount(session.document) === 0;
  const has = new Set(session.template.tables.map((t) => t.no));
  const cell = textOnly
    ? statedCell(printed)
    : (table: number, row: string, col: string): number | null => {
        if (!has.has(table)) return null;
        const v = tableViewCell(session, table, row, col);
        return v?.text ? (looseCents(v.text) ?? 0) : 0;
      };
  const out: Finding[] = textOnly ? [tablesAbsent(), ...statedSumFindings(printed)] : [];
  for (const s of FA_SECTIONS) {
    const text = squashed(printed, s);
    if (!text) continue;
    const name = FA_SECTION_NAMES[s];
    // Figures against their cells.
    for (const cl of textOnly ? [] : (CLAIMS[s] ?? [])) {
      const at = cl.cell;
      const want = at ? cell(at.table, at.row, at.col) : null;
      if (!at || want === null) continue;
      // Every figure the section states for it (a detail paragraph may restate it wrongly).
      claimFigures(cl, text).forEach(({ cents: said }, k) => {
        if (said === want) return;
        out.push(
          auditFinding({
            rule: 'packet.narrative.table',
            key: `fa|${s}|${at.table}|${at.row}|${at.col}${k > 0 ? `|${said}` : ''}`,
            table: at.table,
            rowKey: at.row,
            row: `${name}：${cl.what}`,
            column: at.col,
            expected: wan(want),
            actual: wan(said),
            message: `${name}所述${cl.what} ${wan(said)} 万元与表${at.table}（${wan(want)} 万元）不一致`,
          }),
        );
      });
    }
    if (s === 'other') out.push(...runningCostFindings(text, name, cell, textOnly));
    if (s === 'performance') out.push(...executionFindings(text, name, cell, textOnly));
    if (!textOnly && (s === 'gb' || s === 'fund' || s === 'soe')) out.push(...itemFindings(session, s, text, name, cell));
    out.push(...shareFindings(s, text, name, cell));
    // Comparisons: wording against the figures, rates against the figures.
    comparisonClaims(text).forEach((claim, i) => {
      if (claim.kind === 'change' && claim.current === undefined) {
        const current = changeOfTotal(s, text.slice(Math.max(0, claim.at - 12), claim.at), cell);
        if (current !== null) claim.current = current;
      }
      const problems = claimProblems(claim).filter((p) => p.kind !== 'rate-word');
      if (claim.kind === 'final-rate' && s === 'threePublic') problems.push(...threePublicRate(claim, text, cell));
      for (const [j, p] of problems.entries()) {
        out.push(
          auditFinding({
            rule: 'packet.narrative.comparison',
            key: `fa|${s}|${i}|${j}`,
            rowKey: faPrintedKey(s),
            row: `${name}：“${p.excerpt.slice(0, 60)}”`,
            expected: p.expected,
            actual: p.actual,
            severity: p.severity,
            message: `${name}：${p.message}`,
          }),
        );
      }
    });
  }
  return out;
}

/** “…决算为 X 万元，完成预算的 P%” of a 三公 item: its 年初预算 is in 表7. */
function threePublicRate(claim: { at: number; final: number; completion: { bp: number; decimals: number } }, text: string, cell: (t: number, r: string, c: string) => number | null) {
  const before = text.slice(Math.max(0, claim.at - 20), claim.at + 10);
  const hit = THREE_PUBLIC_BUDGET.filter(([re]) => re.test(before)).at(-1);
  const budget = hit ? cell(7, 'amount', hit[1]) : null;
  if (budget === null || budget === 0) return [];
  const exact = completionBp(claim.final, budget)!;
  if (asPrinted(exact, claim.completion.decimals) === claim.completion.bp) return [];
  const near = rateReachable(claim.completion, claim.final, budget, 0.5, 0.5);
  const pct = (bp: number) => `${(bp / 100).toFixed(2)}%`;
  return [
    {
      kind: 'completion' as const,
      severity: near ? ('warning' as const) : ('error' as const),
      excerpt: text.slice(claim.at, claim.at + 60),
      expected: pct(exact),
      actual: pct(claim.completion.bp),
      message: `完成率应为 ${pct(exact)}（${wan(claim.final)} ÷ 表7 预算数 ${wan(budget)}），文字为 ${pct(claim.completion.bp)}`,
    },
  ];
}

/** Each 项 line (“n、X（类）Y（款）Z（项）…支出决算为 N 万元”) against the table's 项 row of those names. */
function itemFindings(session: BudgetSession, s: FaSection, text: string, name: string, cell: (t: number, r: string, c: string) => number | null): Finding[] {
  const table = s === 'gb' ? 5 : s === 'fund' ? 8 : 9;
  const col = s === 'gb' ? '1' : '3';
  if (!session.template.tables.some((t) => t.no === table)) return [];
  const norm = (x: string) => x.replace(/[（(]/g, '（').replace(/[）)]/g, '）').replace(/\s+/g, '');
  const rows = new Map<string, string>();
  let cls = '';
  let kuan = '';
  for (const r of session.layout(table).rows) {
    if (r.level === 'class') cls = r.name;
    else if (r.level === 'kuan') kuan = r.name;
    else if (r.level === 'leaf') rows.set(norm(`${cls}（类）${kuan}（款）${r.name}（项）`), r.key);
  }
  const out: Finding[] = [];
  for (const line of gbLines(text).items) {
    const path = norm(line.path);
    const said = line.cents;
    const row = rows.get(path);
    if (!row) {
      // A 项 the table does not have (a line left from last year's text, or renamed in one place only).
      out.push(
        auditFinding({
          rule: 'packet.narrative.table',
          key: `fa|${s}|item|missing|${path}`,
          table,
          rowKey: faPrintedKey(s),
          row: `${name}：${line.path}`,
          column: col,
          expected: '',
          actual: wan(line.cents),
          message: `${name}所述“${line.path}”支出决算 ${wan(line.cents)} 万元，表${table}中没有这一科目`,
        }),
      );
      continue;
    }
    const want = cell(table, row, col);
    if (want === null || want === said) continue;
    out.push(
      auditFinding({
        rule: 'packet.narrative.table',
        key: `fa|${s}|item|${row}`,
        table,
        rowKey: row,
        row: `${name}：${line.path}`,
        column: col,
        expected: wan(want),
        actual: wan(said),
        message: `${name}所述“${line.path}”支出决算 ${wan(said)} 万元与表${table}（${wan(want)} 万元）不一致`,
      }),
    );
  }
  return out;
}

/** “X N 万元，占 y%”: y must be N over the section's whole (the table's), within the rounding of both. */
function shareFindings(s: FaSection, text: string, name: string, cell: (t: number, r: string, c: string) => number | null): Finding[] {
  const whole0 = SHARE_WHOLE[s];
  if (!whole0) return [];
  const out: Finding[] = [];
  const re = new RegExp(`([^，。；：:,;]{1,30}?)${N}万元[，,]占(本年支出合计的)?(\\d+(?:\\.\\d+)?)[%％]`, 'g');
  for (const m of text.matchAll(re)) {
    const whole = m[3] ? cell(1, 'out.sum', '2') : cell(whole0.table, whole0.row, whole0.col);
    const part = hundredths(m[2]!);
    const rate = printedRate(m[4]!);
    if (whole === null || whole === 0 || part === null || !rate) continue;
    const exact = halfUpBasisPoints(part, whole);
    if (asPrinted(exact, rate.decimals) === rate.bp || rateReachable(rate, part, whole, 0.5, 0.5)) continue;
    const what = m[1]!.replace(/^(?:其中|主要用于以下方面)[:：]?/, '');
    out.push(
      auditFinding({
        rule: 'packet.narrative.share',
        key: `fa|${s}|share|${what}|${m[2]}`,
        rowKey: faPrintedKey(s),
        row: `${name}：${what}`,
        expected: `${(exact / 100).toFixed(2)}%`,
        actual: `${m[4]}%`,
        message: `${name}所述${what} ${wan(part)} 万元占 ${m[4]}%，按${m[3] ? '本年支出合计' : '合计'} ${wan(whole)} 万元应为 ${(exact / 100).toFixed(2)}%`,
      }),
    );
  }
  return out;
}

