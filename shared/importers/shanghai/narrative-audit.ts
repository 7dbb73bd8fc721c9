import type { BudgetSession } from '../../engine/session';
import { amountToFen, FEN_PER_WAN_CENT, parseAmount, roundToWanCent } from '../../money';
import { auditFinding, wan } from '../../rules/packet-audit/context';
import type { Finding } from '../../rules/finding';
import { tableViewCell } from '../../views/table-view';
import { STATED_AMOUNT, type StatedFigure } from '../packet/stated-figure';
import { looseCents } from '../packet/tokens';
import { SH_PRINTED } from './narrative-text';
import { shanghaiChangeFindings } from './stated-changes';

/**
 * A Shanghai packet's explanation text against its tables. The text states 万元 with 2 decimals
 * while tables 1–8 print 元: a stated figure must be its cell rounded to 0.01 万元 (四舍五入); one
 * hundredth off is a 提示 (truncated rather than rounded), more is an error. Parts stated with
 * their total (“其中：…”) must add up to it within the rounding of the parts (½ hundredth each).
 */
const N = STATED_AMOUNT;
/** The unit after a figure: 万元, or 元 (group 2 empty) where 万 was dropped. */
const UNIT = '(万?)元';
type Claim = StatedFigure;
type Cell = Pick<Claim, 'table' | 'row' | 'col'>;

const COMPILATION: Claim[] = [
  { what: '收入预算', re: new RegExp(`(?:^|，)[^，。；]*?收入预算${N}${UNIT}`), table: 1, row: 'in.total', col: '1' },
  { what: '财政拨款收入', re: new RegExp(`财政拨款收入${N}${UNIT}`), table: 1, row: 'in.fiscal', col: '1' },
  { what: '事业收入', re: new RegExp(`(?<!单位)事业收入${N}${UNIT}`), table: 1, row: 'in.business', col: '1' },
  { what: '事业单位经营收入', re: new RegExp(`事业单位经营收入${N}${UNIT}`), table: 1, row: 'in.operating', col: '1' },
  { what: '其他收入', re: new RegExp(`其他收入${N}${UNIT}`), table: 1, row: 'in.other', col: '1' },
  { what: '支出预算', re: new RegExp(`(?:^|。|\\n)支出预算${N}${UNIT}`), table: 1, row: 'out.total', col: '2' },
  { what: '财政拨款支出预算', re: new RegExp(`财政拨款支出预算${N}${UNIT}`), table: 4, row: 'out.total', col: '2' },
  { what: '一般公共预算拨款支出预算', re: new RegExp(`一般公共预算拨款支出预算${N}${UNIT}`), table: 4, row: 'out.total', col: '3' },
  { what: '政府性基金拨款支出预算', re: new RegExp(`政府性基金拨款支出预算${N}${UNIT}`), table: 4, row: 'out.total', col: '4' },
  { what: '国有资本经营预算拨款支出预算', re: new RegExp(`国有资本经营预算拨款支出预算${N}${UNIT}`), table: 4, row: 'out.total', col: '5' },
];

const OTHER: Claim[] = [
  { what: '“三公”经费预算数', re: new RegExp(`“三公”经费预算数为${N}${UNIT}`), table: 9, row: 'budget', col: '1' },
  { what: '因公出国（境）费', re: new RegExp(`因公出国[（(]境[）)]费${N}${UNIT}`), table: 9, row: 'budget', col: '2' },
  { what: '公务接待费', re: new RegExp(`公务接待费${N}${UNIT}`), table: 9, row: 'budget', col: '3' },
  { what: '公务用车购置及运行费', re: new RegExp(`公务用车购置及运行费${N}${UNIT}`), table: 9, row: 'budget', col: '4' },
  { what: '公务用车购置费', re: new RegExp(`公务用车购置费${N}${UNIT}`), table: 9, row: 'budget', col: '5' },
  { what: '公务用车运行费', re: new RegExp(`公务用车运行费${N}${UNIT}`), table: 9, row: 'budget', col: '6' },
  { what: '机关运行经费预算', re: new RegExp(`机关运行经费预算为${N}${UNIT}`), table: 9, row: 'budget', col: '7' },
];

/** Figures the text states that no table has, checked only against each other. */
const TEXT_ONLY: Array<{ what: string; re: RegExp }> = [
  { what: '政府采购预算', re: new RegExp(`政府采购预算${N}万元`) },
  { what: '政府采购货物预算', re: new RegExp(`政府采购货物预算${N}万元`) },
  { what: '政府采购工程预算', re: new RegExp(`政府采购工程预算${N}万元`) },
  { what: '政府采购服务预算', re: new RegExp(`政府采购服务预算${N}万元`) },
];

/** Parts that the text states with their total, by the claims' names above. */
const PARTS: Array<{ total: string; parts: string[] }> = [
  { total: '收入预算', parts: ['财政拨款收入', '事业收入', '事业单位经营收入', '其他收入'] },
  { total: '财政拨款支出预算', parts: ['一般公共预算拨款支出预算', '政府性基金拨款支出预算', '国有资本经营预算拨款支出预算'] },
  { total: '“三公”经费预算数', parts: ['因公出国（境）费', '公务接待费', '公务用车购置及运行费'] },
  { total: '公务用车购置及运行费', parts: ['公务用车购置费', '公务用车运行费'] },
  { total: '政府采购预算', parts: ['政府采购货物预算', '政府采购工程预算', '政府采购服务预算'] },
];

const squash = (t: string | undefined) => (t ?? '').replace(/\s+/g, '');

/** A 元 cell as the text states it: hundredths of 万元, rounded (四舍五入). */
const yuanAsWanCents = (text: string): number => roundToWanCent(amountToFen(text, '元')) / FEN_PER_WAN_CENT;

export function shanghaiNarrativeFindings(session: BudgetSession): Finding[] {
  const printed = session.document.narrative.printed;
  const texts = { compilation: squash(printed[SH_PRINTED.compilation]), other: squash(printed[SH_PRINTED.other]) };
  if (!texts.compilation && !texts.other) return [];
  const out: Finding[] = [];
  const stated = new Map<string, number>();
  // A cell as the text should state it: 元 rounded to hundredths of 万元; a 万元 table as printed.
  const expected = (c: Cell): number => {
    const yuan = session.layout(c.table).template.printUnit === '元';
    const v = tableViewCell(session, c.table, c.row, c.col);
    if (!v?.text) return 0;
    return yuan ? yuanAsWanCents(v.text) : (looseCents(v.text) ?? 0);
  };
  const check = (section: string, c: Claim, text: string) => {
    const m = c.re.exec(text);
    const said = m ? looseCents(m[1]!) : null;
    if (said === null) return;
    const want = expected(c);
    if (m![2] !== '万') {
      const slip = yuanSlip(`${section}所述${c.what}`, m![1]!, want, session.layout(c.table).template.printUnit === '元' ? tableViewCell(session, c.table, c.row, c.col)?.text : undefined, `表${c.table}`);
      if (slip) out.push(auditFinding({ rule: 'packet.narrative.table', key: `sh|${c.table}|${c.row}|${c.col}`, table: c.table, rowKey: c.row, row: `${section}：${c.what}`, column: c.col, ...slip }));
      return;
    }
    stated.set(c.what, said);
    const off = Math.abs(said - want);
    if (off === 0) return;
    out.push(
      auditFinding({
        rule: 'packet.narrative.table',
        key: `sh|${c.table}|${c.row}|${c.col}`,
        table: c.table,
        rowKey: c.row,
        row: `${section}：${c.what}`,
        column: c.col,
        expected: wan(want),
        actual: wan(said),
        severity: off === 1 ? 'warning' : 'error',
        message:
          off === 1
            ? `${section}所述${c.what} ${wan(said)} 万元与表${c.table}（${wan(want)} 万元，元数四舍五入）相差 0.01 万元，可能是舍位而非四舍五入`
            : `${section}所述${c.what} ${wan(said)} 万元与表${c.table}（${wan(want)} 万元）不一致`,
      }),
    );
  };
  for (const c of COMPILATION) check('编制说明', c, texts.compilation);
  for (const c of OTHER) check('其他相关情况说明', c, texts.other);
  for (const t of TEXT_ONLY) {
    const m = t.re.exec(texts.other);
    const said = m ? looseCents(m[1]!) : null;
    if (said !== null) stated.set(t.what, said);
  }
  for (const item of itemClaims(session, texts.compilation)) {
    if (item.missing) {
      out.push(
        auditFinding({
          rule: 'packet.narrative.table',
          key: `sh|item|missing|${item.path}`,
          table: 5,
          rowKey: 'sh.compilation',
          row: `编制说明：“${item.path}”`,
          column: '1',
          expected: '',
          actual: `${item.amount}${item.unit}`,
          message: `编制说明所述“${item.path}”科目 ${item.amount} ${item.unit}，表5、表6、表7 中都没有这一科目（类-款-项名称与表不符）`,
        }),
      );
      continue;
    }
    if (item.unit === '元') {
      const slip = yuanSlip(`编制说明所述“${item.path}”科目`, item.amount, item.want, item.yuan, `表${item.table}`);
      if (slip) out.push(auditFinding({ rule: 'packet.narrative.table', key: `sh|${item.table}|${item.row}|1`, table: item.table, rowKey: item.row, row: `编制说明：“${item.path}”`, column: '1', ...slip }));
      continue;
    }
    if (item.said === item.want) continue;
    const off = Math.abs(item.said - item.want);
    out.push(
      auditFinding({
        rule: 'packet.narrative.table',
        key: `sh|${item.table}|${item.row}|1`,
        table: item.table,
        rowKey: item.row,
        row: `编制说明：“${item.path}”`,
        column: '1',
        expected: wan(item.want),
        actual: wan(item.said),
        severity: off === 1 ? 'warning' : 'error',
        message: `编制说明所述“${item.path}”科目 ${wan(item.said)} 万元与表${item.table}（${wan(item.want)} 万元）${off === 1 ? '相差 0.01 万元，可能是舍位而非四舍五入' : '不一致'}`,
      }),
    );
  }
  out.push(...shanghaiChangeFindings(texts.compilation), ...performanceFindings(session, texts.other, expected));
  for (const p of PARTS) {
    const total = stated.get(p.total);
    const parts = p.parts.map((k) => stated.get(k));
    if (total === undefined || parts.some((x) => x === undefined)) continue;
    const sum = parts.reduce((s: number, x) => s + x!, 0);
    // Each part and the total were rounded from 元: their sums may differ by ½ hundredth per part.
    if (Math.abs(sum - total) <= Math.floor((p.parts.length + 1) / 2)) continue;
    out.push(
      auditFinding({
        rule: 'packet.narrative.table',
        key: `sh.parts|${p.total}`,
        rowKey: p.total,
        row: `情况说明：${p.total}`,
        expected: wan(sum),
        actual: wan(total),
        message: `情况说明所述${p.total} ${wan(total)} 万元不等于其中各项（${p.parts.join('、')}）之和 ${wan(sum)} 万元`,
      }),
    );
  }
  return out;
}

/**
 * 绩效目标设置情况's “涉及项目预算资金 X 万元” is the money of the projects that set targets: at most
 * 表3 项目支出 (a project spent under a 运行 科目 may have none, so less is not wrong).
 */
function performanceFindings(session: BudgetSession, other: string, expected: (c: Cell) => number): Finding[] {
  const m = new RegExp(`涉及项目预算资金(?:为)?${N}万元`).exec(other);
  const said = m ? looseCents(m[1]!) : null;
  if (said === null || !session.template.tables.some((t) => t.no === 3)) return [];
  const projects = expected({ table: 3, row: 'total', col: '3' });
  if (said <= projects) return [];
  return [
    auditFinding({
      rule: 'packet.narrative.table',
      key: 'sh|performance|3|total|3',
      table: 3,
      rowKey: 'total',
      row: '其他相关情况说明：绩效目标涉及项目预算资金',
      column: '3',
      expected: `≤${wan(projects)}`,
      actual: wan(said),
      message: `其他相关情况说明所述编报绩效目标的项目涉及项目预算资金 ${wan(said)} 万元，超过表3 项目支出合计 ${wan(projects)} 万元`,
    }),
  ];
}

/** “类-款-项”科目 X 万元 of 编制说明, matched to the 项 line of 表5/6/7 with those names. */
function itemClaims(session: BudgetSession, text: string) {
  const norm = (x: string) => x.replace(/[（(]/g, '（').replace(/[）)]/g, '）').replace(/\s+/g, '');
  const lines = new Map<string, { table: number; row: string; want: number; yuan: string }>();
  // Every 项 the tables have, with an amount or not: a path that is none of them names no 科目 of the packet.
  const named = new Set<string>();
  for (const table of [5, 6, 7]) {
    const layout = session.layout(table);
    let cls = '';
    let kuan = '';
    for (const r of layout.rows) {
      if (r.level === 'class') cls = r.name;
      else if (r.level === 'kuan') kuan = r.name;
      else if (r.level === 'leaf') {
        const key = norm(`${cls}-${kuan}-${r.name}`);
        named.add(key);
        const v = tableViewCell(session, table, r.key, '1');
        if (!v?.text) continue;
        if (!lines.has(key)) lines.set(key, { table, row: r.key, want: yuanAsWanCents(v.text), yuan: v.text });
      }
    }
  }
  type Item = { path: string; amount: string; unit: '万元' | '元'; said: number } & ({ missing: true } | ({ missing?: false } & { table: number; row: string; want: number; yuan: string }));
  const out: Item[] = [];
  for (const m of text.matchAll(new RegExp(`“([^”]{1,200})”科目${N}${UNIT}`, 'g'))) {
    const path = norm(m[1]!);
    const said = looseCents(m[2]!);
    if (said === null) continue;
    const stated = { path: m[1]!, amount: m[2]!, unit: m[3] === '万' ? ('万元' as const) : ('元' as const), said };
    const line = lines.get(path);
    if (line) out.push({ ...stated, ...line });
    // Only a packet whose tables were read has 项 to name (a part of a packet may lack them).
    else if (!named.has(path) && named.size > 0) out.push({ ...stated, missing: true });
  }
  return out;
}

/**
 * A figure stated in 元 where the text states 万元 (“科目174.14元”): right if it is the 元 cell to
 * the 分 (a text may state 元), a slip of the unit if it is the 万元 figure, else simply wrong.
 */
function yuanSlip(what: string, amount: string, want: number, cellYuan: string | undefined, table: string): { expected: string; actual: string; message: string } | undefined {
  const parsed = parseAmount(amount.replace(/[,，]/g, ''), '元');
  if (!parsed.ok) return undefined;
  const fen = parsed.fen;
  if (cellYuan !== undefined && fen === amountToFen(cellYuan, '元')) return undefined;
  if (cellYuan === undefined && fen === want * FEN_PER_WAN_CENT) return undefined;
  const said = looseCents(amount);
  const expected = `${wan(want)} 万元`;
  if (said === want) return { expected, actual: `${amount} 元`, message: `${what} ${amount} 元：单位应为“万元”（${table}为 ${wan(want)} 万元）` };
  return { expected, actual: `${amount} 元`, message: `${what} ${amount} 元与${table}（${wan(want)} 万元）不一致` };
}
