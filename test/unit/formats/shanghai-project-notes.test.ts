import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { importPacketFile } from '../../../electron/import/read-packet';
import { BudgetSession } from '../../../shared/engine/session';
import { packetHtml } from '../../../shared/exporters/packet';
import { SH_PRINTED } from '../../../shared/importers/shanghai/narrative-text';
import { shanghaiProjectNotesText } from '../../../shared/importers/shanghai/project-notes-text';
import { type BudgetDocument, newDocument } from '../../../shared/model';
import { generateNarrative } from '../../../shared/narrative/generate';
import { narrativeInputs, readInput, writeInput } from '../../../shared/narrative/inputs';
import { paragraphText } from '../../../shared/narrative/types';
import { nextYearDocument } from '../../../shared/next-year/next-year';
import { packetAuditFindings } from '../../../shared/rules/packet-audit';

const pdf = (v: string) => new URL(`../../fixtures/shanghai/putuo-govoffice-2025-budget-${v}.pdf`, import.meta.url).pathname;

async function imported(v: string): Promise<BudgetDocument> {
  const r = await importPacketFile(pdf(v));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

const PROJECT = '区政府督查及建议提案工作业务经费';
/** The seven texts as the Putuo 部门 packet prints them (page 25 of the PDF). */
const PRINTED = {
  overview: '主要推进区委、区政府年度重点工作、为民办实事、人大代表建议政协提案办理等工作所需的咨询、设计、调查、技术服务等业务支撑，确保相关工作能更好提升市民满意度。',
  basis: '《区委、区政府2024年重点工作任务书》和《区政府2024年重点工作任务书》。',
  undertaker: '主要完成区委、区政府年度重点工作任务书印制工作，使全区各单位进一步明晰自身目标任务，按时间节点推进各项任务。',
  plan: '结合区政府重点工作推进情况，定期开展。',
  period: '2025全年度。',
  budget: '结合区政府重点工作推进情况，根据合同条款，按时拨付资金。',
  targets: '详见单位的项目绩效目标表',
};

/** The 项目经费情况说明 section of a session's narrative, as lines of text. */
function section(doc: BudgetDocument): string[] {
  const n = generateNarrative(BudgetSession.open(doc));
  const s = n.sections.find((x) => x.title === '项目经费情况说明');
  return s ? s.paragraphs.map((p) => paragraphText(p.runs)) : [];
}

describe('shanghai-budget 项目经费情况说明 (部门 only)', () => {
  it('the Putuo 部门 PDF: its one project and all seven texts are imported, and print again word for word', async () => {
    const doc = await imported('dept');
    expect(doc.narrative.projectNotes).toEqual([PROJECT]);
    expect(doc.narrative.projects[PROJECT]).toEqual(PRINTED);
    expect(doc.narrative.printed[SH_PRINTED.projects]?.split('\n')[0]).toBe(`${PROJECT}项目经费情况说明`);
    const lines = section(doc);
    expect(lines.slice(0, 3)).toEqual([`${PROJECT}项目经费情况说明`, '一、项目概述', PRINTED.overview]);
    expect(lines).toEqual([
      `${PROJECT}项目经费情况说明`,
      ...['项目概述', '立项依据', '实施主体', '实施方案', '实施周期', '年度预算安排', '绩效目标'].flatMap((h, i) => [
        `${'一二三四五六七'[i]}、${h}`,
        Object.values(PRINTED)[i],
      ]),
    ]);
    // The generated part is the printed one, line breaks aside.
    expect(lines.join('')).toBe(doc.narrative.printed[SH_PRINTED.projects]!.replace(/\n/g, ''));
  });

  it('reads the `pdftotext -layout` text the same way; the 单位 packet has none', async () => {
    const text = execFileSync('pdftotext', ['-layout', pdf('dept'), '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const notes = shanghaiProjectNotesText(text.split('\n'));
    expect(notes?.names).toEqual([PROJECT]);
    expect(notes?.fields[PROJECT]).toEqual(PRINTED);
    const unit = await imported('unit');
    expect(unit.narrative.projectNotes).toEqual([]);
    expect(section(unit)).toEqual([]);
    expect(packetHtml(BudgetSession.open(unit))).not.toContain('项目经费情况说明');
  });

  it('other packets’ layouts: headings with text on the same line, （一） numbering, two projects, page numbers, a 绩效目标表 after', () => {
    const lines = [
      '六、其他相关情况说明',
      '“三公”经费情况说明', // no headings follow: not a project
      '2025年“三公”经费预算数为10万元。',
      '七、项目经费情况说明',
      '  信息化运维项目经费情况说明',
      '（一）项目概述：保障本单位',
      '  网络和业务系统的运行。',
      '（二）立项依据：《信息化管理办法》。',
      '— 23 —',
      '（三）实施主体：本单位。',
      '（四）实施方案：按季度巡检。',
      '（五）实施周期：2025年1月至12月。',
      '（六）年度预算安排：120万元，按合同进度拨付。',
      '（七）绩效目标：系统可用率不低于99%。',
      '档案数字化经费情况说明',
      '一、项目概述',
      '馆藏档案数字化。',
      '七、绩效目标',
      '完成10万页。',
      '项目名称 档案数字化',
      '年度目标 完成10万页',
    ];
    const n = shanghaiProjectNotesText(lines)!;
    expect(n.names).toEqual(['信息化运维', '档案数字化']);
    expect(n.fields.信息化运维).toEqual({
      overview: '保障本单位网络和业务系统的运行。',
      basis: '《信息化管理办法》。',
      undertaker: '本单位。',
      plan: '按季度巡检。',
      period: '2025年1月至12月。',
      budget: '120万元，按合同进度拨付。',
      targets: '系统可用率不低于99%。',
    });
    // The 绩效目标表 that follows is not part of the text.
    expect(n.fields.档案数字化).toEqual({ overview: '馆藏档案数字化。', targets: '完成10万页。' });
  });

  it('a new 部门 document: the part prints once in the contents, empty fields are 待填写 with their defaults said', () => {
    const doc = newDocument('上海市某区某局', 2026, '元', 'shanghai-budget');
    expect(section(doc)).toEqual(['本部门2026年项目经费情况说明尚未列出项目。']);
    let n = generateNarrative(BudgetSession.open(doc));
    expect(n.missing.map((m) => m.field)).toContain('narrative.projectNotes');
    const list = narrativeInputs(doc, n).find((f) => f.path.key === 'projectNotes')!;
    expect(list.kind).toBe('lines');
    expect(writeInput(doc, list, '  设备购置 \n\n课题研究\n设备购置')).toEqual({ ok: true });
    expect(doc.narrative.projectNotes).toEqual(['设备购置', '课题研究']);
    n = generateNarrative(BudgetSession.open(doc));
    const lines = section(doc);
    expect(lines.filter((l) => l.endsWith('项目经费情况说明'))).toEqual(['设备购置项目经费情况说明', '课题研究项目经费情况说明']);
    // 实施主体, 实施周期 and 绩效目标 have defaults; the other four are asked for.
    expect(lines.slice(0, 15)).toEqual([
      '设备购置项目经费情况说明',
      '一、项目概述',
      '',
      '二、立项依据',
      '',
      '三、实施主体',
      '上海市某区某局。',
      '四、实施方案',
      '',
      '五、实施周期',
      '2026年全年度。',
      '六、年度预算安排',
      '',
      '七、绩效目标',
      '详见单位的项目绩效目标表。',
    ]);
    expect(n.missing.filter((m) => m.field.startsWith('narrative.projects.设备购置')).map((m) => m.label)).toEqual([
      '项目“设备购置”的项目概述',
      '项目“设备购置”的立项依据',
      '项目“设备购置”的实施方案',
      '项目“设备购置”的年度预算安排',
    ]);
    // Each project's seven fields hang under its title; the list under the first.
    const fields = narrativeInputs(doc, n);
    expect(fields.filter((f) => f.paragraph === 'sh7.p:课题研究').map((f) => f.label.split('（')[0])).toEqual([
      '课题研究：项目概述',
      '课题研究：立项依据',
      '课题研究：实施主体',
      '课题研究：实施方案',
      '课题研究：实施周期',
      '课题研究：年度预算安排',
      '课题研究：绩效目标',
    ]);
    expect(fields.filter((f) => f.path.key === 'projectNotes').map((f) => f.paragraph)).toEqual(['sh7.p:设备购置']);
    const html = packetHtml(BudgetSession.open(doc));
    expect(html.match(/项目经费情况说明<\/p>/g)?.length).toBe(1); // the contents: the part, no sub-line
    expect(html).not.toContain('一、项目经费情况说明');
    expect(html).toContain('<h4 class="title" data-id="sh7.p:设备购置">设备购置项目经费情况说明</h4>');
  });

  it('renaming a project in the list carries its text; taking it off keeps the text for when it comes back', () => {
    const doc = newDocument('上海市某区某局', 2026, '元', 'shanghai-budget');
    const list = { path: { root: 'narrative' as const, key: 'projectNotes' }, kind: 'lines' as const, label: '项目名称' };
    writeInput(doc, list, '设备购置\n课题研究');
    writeInput(doc, { path: { root: 'narrative', record: 'projects', key: '课题研究', field: 'overview' }, kind: 'longtext', label: '项目概述' }, '研究本区财政绩效。');
    writeInput(doc, list, '设备购置\n财政绩效课题研究');
    expect(doc.narrative.projects.财政绩效课题研究?.overview).toBe('研究本区财政绩效。');
    expect(doc.narrative.projects.课题研究).toBeUndefined();
    expect(readInput(doc, list.path)).toBe('设备购置\n财政绩效课题研究');
    writeInput(doc, list, '设备购置');
    expect(section(doc).some((l) => l.includes('财政绩效'))).toBe(false);
    writeInput(doc, list, '设备购置\n财政绩效课题研究');
    expect(section(doc)).toContain('研究本区财政绩效。');
    // 新建下一年度 starts from this year's list and texts.
    const next = nextYearDocument(doc);
    expect(next.narrative.projectNotes).toEqual(['设备购置', '财政绩效课题研究']);
    expect(next.narrative.projects.财政绩效课题研究?.overview).toBe('研究本区财政绩效。');
  });

  it('the audit reads the printed part: a placeholder left in it is found there, the published one is clean', async () => {
    const doc = await imported('dept');
    const clean = packetAuditFindings(BudgetSession.open(doc)).filter((f) => f.row.includes('项目经费情况说明'));
    expect(clean).toEqual([]);
    const bad = structuredClone(doc);
    bad.narrative.printed[SH_PRINTED.projects] = bad.narrative.printed[SH_PRINTED.projects]!.replace('2025全年度。', 'XX全年度。');
    const hits = packetAuditFindings(BudgetSession.open(bad)).filter((f) => f.rule === 'text.placeholder');
    expect(hits.map((f) => [f.row, f.actual])).toEqual([['项目经费情况说明', 'XX']]);
  });
});
