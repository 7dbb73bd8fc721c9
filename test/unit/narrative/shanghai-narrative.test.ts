import { describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
import { generateNarrative } from '../../../shared/narrative/generate';
import { narrativeInputs } from '../../../shared/narrative/inputs';
import type { Paragraph } from '../../../shared/narrative/types';
import type { BudgetDocument } from '../../../shared/model';
import { nextYearDocument } from '../../../shared/next-year/next-year';

const PDF = new URL('../../fixtures/shanghai/putuo-govoffice-2025-budget-dept.pdf', import.meta.url).pathname;

async function dept(): Promise<BudgetDocument> {
  const r = await importPacketFile(PDF);
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

const text = (p: Paragraph) => p.runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');

/**
 * The inputs the text states, cleared: a document drafted from the tables alone (the importer
 * reads them from the printed text: shanghai-narrative-inputs.test.ts).
 */
function withoutInputs(doc: BudgetDocument): BudgetDocument {
  doc.priorYear = { income: {}, gbItems: {}, threePublic: {} };
  Object.assign(doc.narrative, { reasons: {}, purposes: {}, procurement: {}, performance: {}, assets: {} });
  return doc;
}

describe('shanghai-budget narrative: 编制说明 and 其他相关情况说明 from the tables (元 rounded to 0.01 万元)', () => {
  it('reproduces the Putuo 2025 部门 packet sentence by sentence from its import (inputs as its text states them)', async () => {
    // Our wording differs from the packet only in “与2024年预算持平” (the packet writes “比2024年预算持平”).
    const n = generateNarrative(BudgetSession.open(await dept()));
    expect(n.sections.map((s) => `${s.numeral}、${s.title}`)).toEqual([
      '一、2025年部门预算编制说明',
      '一、2025年“三公”经费预算情况说明',
      '二、机关运行经费预算',
      '三、政府采购预算情况',
      '四、绩效目标设置情况',
      '五、国有资产占有使用情况',
      '一、项目经费情况说明', // a part of its own (shanghai-project-notes.test.ts)
    ]);
    const [compile, threePublic, running, procurement, performance] = n.sections.map((s) => s.paragraphs.map(text));
    expect(compile!.slice(0, 4)).toEqual([
      '2025年，上海市普陀区人民政府办公室收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。',
      '支出预算9,101.68万元，其中：财政拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元。财政拨款支出预算中，一般公共预算拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元；政府性基金拨款支出预算0万元，与2024年预算持平；国有资本经营预算拨款支出预算0万元，与2024年预算持平。',
      '财政拨款收入支出减少的主要原因是项目调整。',
      '财政拨款支出主要内容如下：',
    ]);
    // The twelve 项 lines, amounts as the packet prints them (1,202.95; 4,614; … 186.77), each with what it is for.
    expect(compile!.slice(4)).toEqual([
      '1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，主要用于行政单位的基本支出。',
      '2. “一般公共服务支出-政府办公厅（室）及相关机构事务-一般行政管理事务”科目4,614万元，主要用于为行政单位未单独设置项级科目的其他项目支出。',
      '3. “一般公共服务支出-政府办公厅（室）及相关机构事务-事业运行”科目380.73万元，主要用于事业单位的基本支出。',
      '4. “一般公共服务支出-政府办公厅（室）及相关机构事务-其他政府办公厅（室）及相关机构事务支出”科目2,012万元，主要用于未单独设置项级科目的其他项目支出。',
      '5. “社会保障和就业支出-行政事业单位养老支出-行政单位离退休”科目155.42万元，主要用于实行归口管理的行政单位（包括实行公务员管理的事业单位）开支的离退休经费。',
      '6. “社会保障和就业支出-行政事业单位养老支出-机关事业单位基本养老保险缴费支出”科目176.32万元，主要用于机关事业单位实施养老保险制度由单位缴纳的基本养老保险费支出。',
      '7. “社会保障和就业支出-行政事业单位养老支出-机关事业单位职业年金缴费支出”科目88.16万元，主要用于机关事业单位实施养老保险制度由单位实际缴纳的职业年金支出。',
      '8. “社会保障和就业支出-行政事业单位养老支出-其他行政事业单位养老支出”科目1.48万元，主要用于实行归口管理的行政单位（包括实行公务员管理的事业单位）开支的其他养老支出。',
      '9. “卫生健康支出-行政事业单位医疗-行政单位医疗”科目78.29万元，主要用于财政部门集中安排的行政单位基本医疗保险费缴费经费。',
      '10. “卫生健康支出-行政事业单位医疗-事业单位医疗”科目31.42万元，主要用于财政部门集中安排的事业单位基本医疗保险费缴费经费。',
      '11. “住房保障支出-住房改革支出-住房公积金”科目174.14万元，主要用于行政事业单位按人力资源和社会保障部、财政部规定的基本工资和津贴补贴以及规定比例为职工缴纳的住房公积金。',
      '12. “住房保障支出-住房改革支出-购房补贴”科目186.77万元，主要用于按房改政策规定，行政事业单位向符合条件职工发放的用于购买住房的补贴。',
    ]);
    expect(threePublic).toEqual([
      '2025年“三公”经费预算数为867.50万元，与2024年预算持平。其中：',
      '（一）因公出国（境）费839万元，与2024年预算持平；（二）公务用车购置及运行费0万元，与2024年预算持平。其中：公务用车购置费0万元，与2024年预算持平；公务用车运行费0万元，与2024年预算持平；（三）公务接待费28.50万元，与2024年预算持平。',
    ]);
    // The units it covers, as the packet names them (inputs read from its text).
    expect(running).toEqual(['2025年上海市普陀区人民政府办公室下属1家机关和1家事业单位财政拨款的机关运行经费预算为213.28万元。']);
    expect(procurement).toEqual([
      '2025年本部门政府采购预算34万元，其中：政府采购货物预算0万元、政府采购工程预算0万元、政府采购服务预算34万元。',
      '2025年本部门面向中小企业预留政府采购项目预算金额34万元，其中，预留给小型和微型企业的政府采购项目预算为34万元。',
    ]);
    expect(performance).toEqual([
      '按照本区预算绩效管理工作的总体要求，本部门1个预算单位开展了2025年项目预算绩效目标编报工作，编报绩效目标的项目11个，涉及项目预算资金6,626万元。',
    ]);
  });

  it('rounds 元 to 0.01 万元 before taking differences, so the change is the difference of the printed figures', async () => {
    const doc = await dept();
    // 11,491.204999 万元 rounds to 11,491.20: the change still reads 2,389.52 (not 2,389.524999 → 2,389.52 by luck).
    doc.priorYear.income.fiscal = '114912049.99';
    const n = generateNarrative(BudgetSession.open(doc));
    expect(text(n.sections[0]!.paragraphs[0]!)).toContain('财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元');
    // A table cell of 12,029,501.84 元 is stated as 1,202.95 万元 and traced to its cell.
    const item = n.sections[0]!.paragraphs.find((p) => p.id === 'sh1.item.5.2010301')!;
    const token = item.runs.find((r) => typeof r !== 'string');
    expect(token).toMatchObject({ text: '1,202.95', value: 12_029_500_00, source: { kind: 'cell', cell: '5|2010301|1' } });
  });

  it('asks for what it cannot know, with forms under the paragraphs that use them', async () => {
    const doc = withoutInputs(await dept());
    const session = BudgetSession.open(doc);
    const n = generateNarrative(session);
    expect(n.missing.map((m) => m.field)).toEqual(
      expect.arrayContaining(['priorYear.income.fiscal', 'narrative.purposes.2010302', 'priorYear.runningCosts', 'narrative.procurement.services', 'narrative.assets.sh.held.vehicle.other']),
    );
    const fields = narrativeInputs(doc, n);
    const labels = (p: string) => fields.filter((f) => f.paragraph === p).map((f) => f.label);
    expect(labels('sh1.income')).toEqual(['财政拨款收入上年预算数（元）']);
    expect(labels('sh.procurement')).toEqual(['政府采购货物预算（元）', '政府采购工程预算（元）', '政府采购服务预算（元）']);
    expect(labels('sh.assets.held')).toHaveLength(10);
    expect(labels('sh1.item.5.2010350')).toEqual(['2010350 主要用于']);
  });

  it('prints the parts in the packet order, numbered 一、二…, the narrative split around the tables', async () => {
    const html = packetHtml(BudgetSession.open(await dept()));
    const headings = [...html.matchAll(/<h2 class="part">([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['一、部门主要职能和机构设置', '二、名词解释', '三、部门预算编制说明', '四、部门预算表', '五、其他相关情况说明', '六、项目经费情况说明']);
    const toc = html.slice(html.indexOf('<h1 class="contents">'), html.indexOf('</section>', html.indexOf('<h1 class="contents">')));
    const entries = [...toc.matchAll(/<p class="l[12]">([^<]*)<\/p>/g)].map((m) => m[1]);
    expect(entries.slice(0, 5)).toEqual(['一、部门主要职能和机构设置', '一、主要职能', '二、机构设置及人员情况', '二、名词解释', '三、部门预算编制说明']);
    expect(entries).toContain('一、2025年“三公”经费预算情况说明');
    expect(html).toContain('预算为213.28万元');
  });
});

describe('新建下一年度 of a Shanghai document', () => {
  it('keeps the format and makes this year’s 财政拨款, 三公 and 机关运行经费 next year’s baseline (in 元)', async () => {
    const next = nextYearDocument(await dept());
    expect(next).toMatchObject({ template: 'shanghai-budget', year: 2026, unit: '元' });
    expect(next.priorYear.income).toEqual({ fiscal: '91016775.35', gb: '91016775.35', fund: '0.00', soe: '0.00' });
    expect(next.priorYear.threePublic).toMatchObject({ total: '8675000.00', abroad: '8390000.00', reception: '285000.00', vehicles: '0.00' });
    expect(next.priorYear.runningCosts).toBe('2132800.00');
    const n = generateNarrative(BudgetSession.open(next));
    expect(text(n.sections[0]!.paragraphs[0]!)).toContain('财政拨款收入0万元，比2025年预算减少9,101.68万元');
    expect(text(n.sections[1]!.paragraphs[0]!)).toBe('2026年“三公”经费预算数为0万元，比2025年预算减少867.50万元。其中：');
  });
});
