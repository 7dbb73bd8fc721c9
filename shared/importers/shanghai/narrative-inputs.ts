import type { BudgetSession } from '../../engine/session';
import type { BudgetDocument } from '../../model/schema';
import { type Fen, formatExact } from '../../money';
import { SH_PERFORMANCE_KEYS, SH_VEHICLE_KINDS } from '../../narrative/sections/shanghai/other';
import { SH_RUNNING_UNITS } from '../../narrative/sections/shanghai/three-public';
import { functionCodeByNames } from '../function-code-by-names';
import { priorOf, STATED_WAN, statedCell, statedText, wanFen } from '../stated-change';
import { SH_PRINTED } from './narrative-text';

const N = STATED_WAN;
/** “，比2024年预算减少2,389.52万元” / “，与上年预算持平”: its groups are the word and the change. */
const VERSUS = `[，,](?:比|与|较)(?:\\d{4}|上)年(?:度)?(?:预算)?(?:数)?(增加|增长|减少|下降|持平)(?:${N}万元)?`;
/** “，主要原因是…” after a change (its group: the reason), up to the end of the clause. */
const BECAUSE = '(?:[，,]主要原因(?:是|为)([^。；;]{1,500}))?';

const squash = (t: string) => t.replace(/\s+/g, '');

/**
 * What a Shanghai packet's explanation text states that its tables do not, put into the
 * document's inputs so that 情况说明 prints again as published and nothing is typed twice:
 * last year's budget (this year's cell ∓ each “比YYYY年预算增加/减少 X 万元”, or the same when
 * 持平), the reasons given, what each 项 is mainly used for, 政府采购, 绩效目标 counts and the
 * 国有资产 counts. Only what the text states is filled; an input already given is kept.
 * This year's figures are the cells as the text states them (narrative/figures.ts: 元 rounded to
 * 0.01 万元), so each change prints again as published.
 */
export function fillShanghaiInputs(doc: BudgetDocument, session: BudgetSession): void {
  const cell = statedCell(session);
  const compilation = squash(doc.narrative.printed[SH_PRINTED.compilation] ?? '');
  const other = squash(doc.narrative.printed[SH_PRINTED.other] ?? '');
  const n = doc.narrative;
  const amount = (fen: Fen) => formatExact(fen, doc.unit);
  const setPrior = (record: Record<string, string>, key: string, m: RegExpExecArray | null, current: Fen) => {
    if (!m || record[key] !== undefined) return;
    const p = priorOf(current, m[2]!, m[3]);
    if (p !== undefined) record[key] = amount(p);
  };
  const setReason = (key: string, reason: string | undefined) => {
    const t = statedText(reason);
    if (t && !n.reasons[key]) n.reasons[key] = t;
  };

  // 编制说明: 财政拨款收入 (else 财政拨款支出) and each source of 财政拨款 against last year.
  const stated = (subject: string, text: string) => new RegExp(`${subject}${N}万元${VERSUS}`).exec(text);
  const income = doc.priorYear.income;
  setPrior(income, 'fiscal', stated('财政拨款收入', compilation), cell(1, 'in.fiscal', '1'));
  setPrior(income, 'fiscal', stated('财政拨款支出预算', compilation), cell(4, 'out.total', '2'));
  const sources = [
    ['gb', '一般公共预算拨款支出预算', '3'],
    ['fund', '政府性基金拨款支出预算', '4'],
    ['soe', '国有资本经营预算拨款支出预算', '5'],
  ] as const;
  for (const [key, subject, col] of sources) setPrior(income, key, stated(subject, compilation), cell(4, 'out.total', col));
  setReason('fiscal', /财政拨款收入支出(?:增加|减少|增长|下降)的主要原因(?:是|为)([^。]{1,500})。/.exec(compilation)?.[1]);

  // 财政拨款支出主要内容: “N. “类-款-项”科目 X 万元，主要用于 …。”
  for (const m of compilation.matchAll(new RegExp(`\\d{1,3}[.．、]“([^”]{1,300})”科目${N}万元[，,]主要用于([^。]{1,1000})。`, 'g'))) {
    const code = codeOfPath(doc, m[1]!, wanFen(m[2]), cell);
    const purpose = statedText(m[3]);
    if (code && purpose && !n.purposes[code]) n.purposes[code] = purpose;
  }

  // 其他相关情况说明 一、“三公”经费 (表9 第1–6栏) and 二、机关运行经费 (第7栏).
  const threePublic = doc.priorYear.threePublic;
  const items = [
    ['total', '“三公”经费预算数为', '1'],
    ['abroad', '因公出国[（(]境[）)]费', '2'],
    ['reception', '公务接待费', '3'],
    ['vehicles', '公务用车购置及运行(?:维护)?费', '4'],
    ['vehicle.purchase', '公务用车购置费', '5'],
    ['vehicle.running', '公务用车运行(?:维护)?费', '6'],
  ] as const;
  for (const [key, subject, col] of items) {
    const m = new RegExp(`${subject}${N}万元${VERSUS}${BECAUSE}`).exec(other);
    setPrior(threePublic, key, m, cell(9, 'budget', col));
    if (m && m[2] !== '持平' && m[3] !== undefined) setReason(`3p.${key}`, m[4]);
  }
  // “下属1家机关和1家事业单位财政拨款的机关运行经费…”: the units it covers, as the sentence names them.
  const covers = /下属(\d{1,4})家机关(?:和(\d{1,4})家事业单位)?[^。]{0,20}机关运行经费/.exec(other);
  if (covers) {
    n.assets[SH_RUNNING_UNITS.agencies] ??= covers[1]!;
    if (covers[2]) n.assets[SH_RUNNING_UNITS.institutions] ??= covers[2];
  }
  const running = new RegExp(`机关运行经费预算(?:数)?为${N}万元${VERSUS}${BECAUSE}`).exec(other);
  const runningPrior = running ? priorOf(cell(9, 'budget', '7'), running[2]!, running[3]) : undefined;
  if (running && runningPrior !== undefined) {
    doc.priorYear.runningCosts ??= amount(runningPrior);
    if (running[2] !== '持平') setReason('running', running[4]);
  }

  // 三、政府采购 (inputs in the document's unit).
  const procurement: Array<[string, RegExp]> = [
    ['goods', new RegExp(`政府采购货物预算${N}万元`)],
    ['works', new RegExp(`政府采购工程预算${N}万元`)],
    ['services', new RegExp(`政府采购服务预算${N}万元`)],
    ['sme', new RegExp(`面向中小企业预留政府采购项目预算(?:金额)?(?:为)?${N}万元`)],
    ['micro', new RegExp(`(?:预留给小型和微型企业|小微企业预留)的?政府采购项目预算(?:金额)?(?:为)?${N}万元`)],
  ];
  for (const [key, re] of procurement) {
    const fen = wanFen(re.exec(other)?.[1]);
    if (fen !== undefined && n.procurement[key] === undefined) n.procurement[key] = amount(fen);
  }

  // 四、绩效目标设置情况.
  const units = /(\d{1,6})个预算单位开展了/.exec(other)?.[1];
  const projects = /编报绩效目标的项目共?(\d{1,6})个/.exec(other)?.[1];
  const covered = wanFen(new RegExp(`涉及项目预算资金${N}万元`).exec(other)?.[1]);
  if (units) n.performance[SH_PERFORMANCE_KEYS.units] ??= units;
  if (projects) n.performance[SH_PERFORMANCE_KEYS.projects] ??= projects;
  if (covered !== undefined) n.performance[SH_PERFORMANCE_KEYS.amount] ??= amount(covered);

  // 五、国有资产: vehicles held (截至…) and planned (安排购置…), by kind, and equipment of 100 万元 or more.
  const held = /截至(\d{4}年\d{1,2}月\d{1,2}日)[，,].{0,80}?共有车辆\d{1,6}辆[^。]{0,600}。/.exec(other);
  const plan = /\d{4}年(?:部门|单位)预算安排购置车辆\d{1,6}辆[^。]{0,600}。/.exec(other);
  if (held) {
    readVehicleCounts(held[0], 'sh.held', n.assets);
    // The date is an input only where it is not the usual one (上年8月31日): a next year's draft moves it on.
    if (held[1] !== `${doc.year - 1}年8月31日`) n.assets['sh.asOf'] ??= held[1]!;
  }
  if (plan) readVehicleCounts(plan[0], 'sh.plan', n.assets);
}

/**
 * The vehicles of each kind (部级领导干部用车 … 其他用车) and the equipment of 100 万元 or more a
 * sentence counts, into `assets` under `prefix` (`sh.held` / `sh.plan`), as the 国有资产 paragraph
 * of the Shanghai budget and the 决算 reads them; a count already there is kept.
 */
export function readVehicleCounts(text: string, prefix: 'sh.held' | 'sh.plan', assets: Record<string, string>): void {
  for (const k of SH_VEHICLE_KINDS) {
    const v = new RegExp(`${k.name}(\\d{1,6})辆`).exec(text)?.[1];
    if (v) assets[`${prefix}.vehicle.${k.key}`] ??= v;
  }
  const eq = /单价100万元[（(]含[）)]以上设备(?:[（(]不含车辆[）)])?(\d{1,6})台/.exec(text)?.[1];
  if (eq) assets[`${prefix}.equipment100`] ??= eq;
}

/**
 * The 项 a quoted “类-款-项” names (the names as tables 5–7 print them), told apart by the amount
 * stated (its 合计 in tables 5–7, rounded to 0.01 万元) when the names do not single one out.
 */
function codeOfPath(doc: BudgetDocument, path: string, stated: Fen | undefined, cell: (table: number, row: string, col: string) => Fen): string | undefined {
  const parts = path.split(/[-－—]/);
  if (parts.length < 3) return undefined;
  const wanCent = (fen: Fen) => Math.round(fen / 10_000);
  const sameAmount = (code: string) => stated !== undefined && [5, 6, 7].some((t) => wanCent(cell(t, code, '1')) === wanCent(stated));
  return functionCodeByNames(doc, parts[0]!, parts[1]!, parts.slice(2).join('-'), sameAmount);
}
