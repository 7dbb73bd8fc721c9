import { describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import { SH_PRINTED } from '../../../shared/importers/shanghai/narrative-text';
import type { BudgetDocument } from '../../../shared/model';
import { checkFindings } from '../../../shared/rules/all-findings';

const pdf = (v: string) => new URL(`../../fixtures/shanghai/putuo-govoffice-2025-budget-${v}.pdf`, import.meta.url).pathname;

async function imported(v: string): Promise<BudgetDocument> {
  const r = await importPacketFile(pdf(v));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

const findings = (doc: BudgetDocument) => checkFindings(BudgetSession.open(doc)).map((f) => `${f.severity}|${f.message}`);

/** The packet's text with one figure changed (the text is kept as printed, line breaks and all). */
function planted(doc: BudgetDocument, key: string, from: string, to: string): BudgetDocument {
  const copy = structuredClone(doc);
  const t = copy.narrative.printed[key]!;
  expect(t).toContain(from);
  copy.narrative.printed[key] = t.replace(from, to);
  return copy;
}

describe('shanghai-budget: the explanation text audited against the tables (元 rounded to 0.01 万元)', () => {
  it('keeps 编制说明 and 其他相关情况说明 as printed, and finds nothing wrong in either published packet', async () => {
    for (const v of ['dept', 'unit']) {
      const doc = await imported(v);
      const c = doc.narrative.printed[SH_PRINTED.compilation]!;
      const o = doc.narrative.printed[SH_PRINTED.other]!;
      expect(c.startsWith('2025年，上海市普陀区人民政府办公室收入预算9,101.68万元')).toBe(true);
      expect(c).toContain('12. “住房保障支出-住房改革支出-购房补贴”科目186.77万元');
      expect(o.startsWith('一、2025年“三公”经费预算情况说明')).toBe(true);
      expect(o).toContain('机关运行经费预算为213.28万元');
      // The contents page and the tables are not part of the text.
      expect(`${c}${o}`).not.toMatch(/…|单位：元/);
      // 主要职能 becomes 第一部分 of the document, one paragraph per numbered duty.
      const duties = doc.profile.functions.split('\n');
      expect(duties[0]).toMatch(/^上海市普陀区人民政府办公室是协助区政府领导处理区政府日常工作的区政府工作部门.*合署办公。$/);
      expect(duties[1]).toBe('主要职能包括：');
      expect(duties[9]).toBe('8.负责为区政府重大行政决策、重大行政行为进行合法性论证并提出法律意见，负责区政府规范性文件的合法性审核工作，承办区政府对各部门、各街道、镇规范性文件的备案审查工作。');
      expect(duties.at(-1)).toBe('14.完成区委、区政府交办的其他任务。');
      expect(findings(doc)).toEqual([]);
    }
  });

  it('a figure of 编制说明 that is not its 元 cell rounded: an error, or a 提示 when one hundredth off', async () => {
    const doc = await imported('dept');
    // 行政运行 prints 12,029,501.84 元 in 表5 = 1,202.95 万元.
    expect(findings(planted(doc, SH_PRINTED.compilation, '科目1,202.95万元', '科目1,202.59万元'))).toEqual([
      'error|编制说明所述“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目 1,202.59 万元与表5（1,202.95 万元）不一致；1,202.59 与 1,202.95 只是相邻两位数字顺序不同，疑为录入时数字颠倒',
    ]);
    // 91,016,775.35 元 rounds to 9,101.68 万元; 9,101.67 is the truncation of a figure like 9,101.675.
    expect(findings(planted(doc, SH_PRINTED.compilation, '收入预算9,101.68万元', '收入预算9,101.67万元'))).toEqual([
      'warning|编制说明所述收入预算 9,101.67 万元与表1（9,101.68 万元，元数四舍五入）相差 0.01 万元，可能是舍位而非四舍五入',
    ]);
    expect(findings(planted(doc, SH_PRINTED.compilation, '一般公共\n预算拨款支出预算9,101.68万元', '一般公共\n预算拨款支出预算9,001.68万元'))).toEqual([
      'error|编制说明所述一般公共预算拨款支出预算 9,001.68 万元与表4（9,101.68 万元）不一致',
      'error|情况说明所述财政拨款支出预算 9,101.68 万元不等于其中各项（一般公共预算拨款支出预算、政府性基金拨款支出预算、国有资本经营预算拨款支出预算）之和 9,001.68 万元',
    ]);
  });

  it('三公, 机关运行经费 against 表9 (万元), and parts stated with their total', async () => {
    const doc = await imported('dept');
    expect(findings(planted(doc, SH_PRINTED.other, '预算数为867.50万元', '预算数为876.50万元'))).toEqual([
      'error|其他相关情况说明所述“三公”经费预算数 876.50 万元与表9（867.50 万元）不一致；876.50 与 867.50 只是相邻两位数字顺序不同，疑为录入时数字颠倒',
      'error|情况说明所述“三公”经费预算数 876.50 万元不等于其中各项（因公出国（境）费、公务接待费、公务用车购置及运行费）之和 867.50 万元；876.50 与 867.50 只是相邻两位数字顺序不同，疑为录入时数字颠倒',
    ]);
    expect(findings(planted(doc, SH_PRINTED.other, '经费预算为213.28万元', '经费预算为223.28万元'))).toEqual([
      'error|其他相关情况说明所述机关运行经费预算 223.28 万元与表9（213.28 万元）不一致',
    ]);
    expect(findings(planted(doc, SH_PRINTED.other, '政府采购服务预算34万元', '政府采购服务预算35万元'))).toEqual([
      'error|情况说明所述政府采购预算 34.00 万元不等于其中各项（政府采购货物预算、政府采购工程预算、政府采购服务预算）之和 35.00 万元',
    ]);
  });

  it('proofreads the Shanghai text as the other packets: doubled words, punctuation, placeholders, contradictory wording', async () => {
    const doc = await imported('unit');
    let copy = planted(doc, SH_PRINTED.compilation, '主要原因是项目调整。', '主要原因是项目调整。。');
    copy = planted(copy, SH_PRINTED.other, '政府采购预算情况', '政府采购预算预算情况');
    copy = planted(copy, SH_PRINTED.other, '（一）因公出国（境）费839万元，与2024年预算持平', '（一）因公出国（境）费839万元，比2024年预算增加持平');
    copy = planted(copy, SH_PRINTED.compilation, '财政拨款支出主要内容如下：', '财政拨款支出主要内容如下：XX');
    expect(findings(copy).sort()).toEqual([
      'error|“增加持平”增减用语自相矛盾：其他相关情况说明“…比2024年预算增加持平。（二）公务用车…”',
      'error|“预算预算”重复了词语：其他相关情况说明“…元。三、政府采购预算预算情况2025年度…”',
      'error|留有占位符“XX”：编制说明“…出主要内容如下：XX1.“一般公共服…”',
      'warning|标点“。。”重复或中英文混用：编制说明“…要原因是项目调整。。财政拨款支出主要…”',
    ]);
  });
});
