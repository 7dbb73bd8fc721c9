import { describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import { fillShanghaiInputs } from '../../../shared/importers/shanghai/narrative-inputs';
import { SH_PRINTED } from '../../../shared/importers/shanghai/narrative-text';
import type { BudgetDocument } from '../../../shared/model';
import { generateNarrative } from '../../../shared/narrative/generate';
import { narrativeInputs } from '../../../shared/narrative/inputs';

const fixture = (name: string) => new URL(`../../fixtures/shanghai/${name}`, import.meta.url).pathname;

async function imported(name: string): Promise<BudgetDocument> {
  const r = await importPacketFile(fixture(name));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

/** The document with its inputs cleared and filled again from `printed` (the texts under SH_PRINTED). */
function refilled(doc: BudgetDocument, printed: { compilation?: string; other?: string }): BudgetDocument {
  const copy: BudgetDocument = structuredClone(doc);
  copy.priorYear = { income: {}, gbItems: {}, threePublic: {} };
  Object.assign(copy.narrative, { reasons: {}, purposes: {}, procurement: {}, performance: {}, assets: {} });
  if (printed.compilation !== undefined) copy.narrative.printed[SH_PRINTED.compilation] = printed.compilation;
  if (printed.other !== undefined) copy.narrative.printed[SH_PRINTED.other] = printed.other;
  const session = BudgetSession.open(copy);
  fillShanghaiInputs(copy, session);
  return copy;
}

const VEHICLES = ['minister', 'leader', 'confidential', 'emergency', 'enforcement', 'special', 'retired', 'other'];

describe('a Shanghai packet’s explanation text read into the inputs it prints from (nothing typed twice)', () => {
  it('Putuo 2025 部门预算: last year’s budget, the reason, every 项’s purpose, 三公, 政府采购, 绩效 and 国有资产', async () => {
    const doc = await imported('putuo-govoffice-2025-budget-dept.pdf');
    // 财政拨款收入 9,101.68 万元 (91,016,775.35 元 as the text states it) “比2024年预算减少2,389.52万元”:
    // last year 11,491.20 万元, so the change prints again as 2,389.52; 基金 and 国资 0 “持平”.
    expect(doc.priorYear.income).toEqual({ fiscal: '114912000.00', gb: '114912000.00', fund: '0.00', soe: '0.00' });
    expect(doc.narrative.reasons).toEqual({ fiscal: '项目调整' });
    // 表9 as printed (867.50 = 839 + 28.50 万元), every item “与2024年预算持平”.
    expect(doc.priorYear.threePublic).toEqual({
      total: '8675000.00',
      abroad: '8390000.00',
      reception: '285000.00',
      vehicles: '0.00',
      'vehicle.purchase': '0.00',
      'vehicle.running': '0.00',
    });
    // 机关运行经费 213.28 万元 is stated without last year's: nothing to read.
    expect(doc.priorYear.runningCosts).toBeUndefined();
    expect(Object.keys(doc.narrative.purposes)).toEqual(['2010301', '2010302', '2010350', '2010399', '2080501', '2080505', '2080506', '2080599', '2101101', '2101102', '2210201', '2210203']);
    expect(doc.narrative.purposes['2010302']).toBe('为行政单位未单独设置项级科目的其他项目支出');
    expect(doc.narrative.purposes['2210203']).toBe('按房改政策规定，行政事业单位向符合条件职工发放的用于购买住房的补贴');
    expect(doc.narrative.procurement).toEqual({ goods: '0.00', works: '0.00', services: '340000.00', sme: '340000.00', micro: '340000.00' });
    expect(doc.narrative.performance).toEqual({ 'sh.units': '1', 'sh.projects': '11', 'sh.amount': '66260000.00' });
    for (const side of ['held', 'plan']) {
      for (const k of VEHICLES) expect(doc.narrative.assets[`sh.${side}.vehicle.${k}`]).toBe('0');
      expect(doc.narrative.assets[`sh.${side}.equipment100`]).toBe('0');
    }
    // “下属1家机关和1家事业单位财政拨款的机关运行经费…”
    expect([doc.narrative.assets['sh.running.agencies'], doc.narrative.assets['sh.running.institutions']]).toEqual(['1', '1']);
    // 截至2024年8月31日 is the usual date: not an input, so next year's draft moves it on.
    expect(doc.narrative.assets['sh.asOf']).toBeUndefined();

    // Of the 56 待填写 a drafted document has, only what the packet does not state is left.
    const n = generateNarrative(BudgetSession.open(doc));
    expect(n.missing.map((m) => m.field).sort()).toEqual(['narrative.reasons.running', 'priorYear.runningCosts']);
    const drafted = generateNarrative(BudgetSession.open(refilled(doc, { compilation: '', other: '' })));
    expect(drafted.missing.length).toBeGreaterThan(50);
  });

  it('Putuo 2025 单位预算: the same figures; its 绩效 sentence states no count of units, so none is read', async () => {
    const doc = await imported('putuo-govoffice-2025-budget-unit.pdf');
    expect(doc.priorYear.income).toEqual({ fiscal: '114912000.00', gb: '114912000.00', fund: '0.00', soe: '0.00' });
    expect(doc.priorYear.threePublic.total).toBe('8675000.00');
    // “本单位编报绩效目标的项目共11个，涉及项目预算资金6626万元”
    expect(doc.narrative.performance).toEqual({ 'sh.projects': '11', 'sh.amount': '66260000.00' });
    expect(doc.narrative.procurement.services).toBe('340000.00');
    expect(doc.narrative.assets['sh.plan.vehicle.other']).toBe('0');
    // Printed again in a 单位's words, as the packet has them: 本单位, no count of units, 单位预算安排购置.
    const n = generateNarrative(BudgetSession.open(doc));
    const paragraphs = new Map(n.sections.flatMap((s) => s.paragraphs).map((p) => [p.id, p.runs.map((r) => (typeof r === 'string' ? r : r.text)).join('')]));
    expect(paragraphs.get('sh.performance')).toBe('2025年度，本单位编报绩效目标的项目共11个，涉及项目预算资金6,626万元。');
    expect(paragraphs.get('sh.procurement')).toMatch(/^2025年本单位政府采购预算34万元，/);
    expect(paragraphs.get('sh.procurement.sme')).toMatch(/^2025年本单位面向中小企业预留政府采购项目预算金额34万元，/);
    expect(paragraphs.get('sh.assets.plan')).toMatch(/^2025年单位预算安排购置车辆0辆，.*；单位预算安排购置单价100万元（含）以上设备（不含车辆）0台（套）。$/);
    expect(n.missing.map((m) => m.field).sort()).toEqual(['narrative.reasons.running', 'priorYear.runningCosts']);
    expect(narrativeInputs(doc, n).filter((f) => f.paragraph === 'sh.performance').map((f) => f.label)).toEqual(['编报绩效目标的项目（个）', '涉及项目预算资金（元）']);
  });

  it('reads an increase with its reason, 机关运行经费 against last year, another date and counts other than 0', async () => {
    const doc = await imported('putuo-govoffice-2025-budget-dept.pdf');
    const other = doc.narrative.printed[SH_PRINTED.other]!
      .replace('（一）因公出国（境）费839万元，与2024年预算持平。', '（一）因公出国（境）费839万元，比2024年预算增加100.50万元，主要原因是新增对外交流任务。')
      .replace('预算为213.28万元。', '预算为213.28万元，比2024年预算减少10万元，主要原因是压减一般性支出。')
      .replace('截至2024年8月31日', '截至2024年12月31日')
      .replace('执法执勤用车0辆', '执法执勤用车3辆')
      .replace('（三）公务接待费28.50万元，与2024年预算持平。', '（三）公务接待费28.50万元，较上年预算减少1.50万元。');
    const compilation = doc.narrative.printed[SH_PRINTED.compilation]!.replace('减少的主要原因是项目调整', '减少的主要原因是部分项目调整至区财政统筹');
    const d = refilled(doc, { compilation, other });
    // 839 万元 − 100.50 万元; 213.28 + 10 万元 (in 元, the document's unit).
    expect(d.priorYear.threePublic.abroad).toBe('7385000.00');
    expect(d.narrative.reasons['3p.abroad']).toBe('新增对外交流任务');
    // “较上年预算” as well as “比2024年预算”: 28.50 + 1.50 万元.
    expect(d.priorYear.threePublic.reception).toBe('300000.00');
    expect(d.priorYear.runningCosts).toBe('2232800.00');
    expect(d.narrative.reasons.running).toBe('压减一般性支出');
    expect(d.narrative.reasons.fiscal).toBe('部分项目调整至区财政统筹');
    expect(d.narrative.assets['sh.asOf']).toBe('2024年12月31日');
    // Only the vehicles held changed: the planned ones are read from their own sentence.
    expect(d.narrative.assets['sh.held.vehicle.enforcement']).toBe('3');
    expect(d.narrative.assets['sh.plan.vehicle.enforcement']).toBe('0');
    const text = generateNarrative(BudgetSession.open(d))
      .sections.flatMap((s) => s.paragraphs)
      .map((p) => p.runs.map((r) => (typeof r === 'string' ? r : r.text)).join(''))
      .join('\n');
    expect(text).toContain('因公出国（境）费839万元，比2024年预算增加100.50万元，主要原因是新增对外交流任务');
    expect(text).toContain('机关运行经费预算为213.28万元，比2024年预算减少10万元，主要原因是压减一般性支出。');
    expect(text).toContain('截至2024年12月31日');
  });

  it('keeps an input already given and leaves alone what the text does not state', async () => {
    const doc = await imported('putuo-govoffice-2025-budget-dept.pdf');
    const copy: BudgetDocument = structuredClone(doc);
    copy.priorYear.income.fiscal = '100000000.00';
    copy.narrative.purposes['2010301'] = '自己写的用途';
    delete copy.narrative.procurement.goods;
    copy.narrative.printed[SH_PRINTED.other] = copy.narrative.printed[SH_PRINTED.other]!.replace('政府采购货物预算0万元、', '');
    const session = BudgetSession.open(copy);
    fillShanghaiInputs(copy, session);
    expect(copy.priorYear.income.fiscal).toBe('100000000.00');
    expect(copy.narrative.purposes['2010301']).toBe('自己写的用途');
    expect(copy.narrative.procurement.goods).toBeUndefined();
  });
});
