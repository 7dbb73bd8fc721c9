/**
 * 第四部分 名词解释: the standard glossary as the packets print it. It is the editable default:
 * a document's own `glossary` replaces it when present.
 */
export interface GlossaryEntry {
  term: string;
  definition: string;
}

export const STANDARD_GLOSSARY: readonly GlossaryEntry[] = [
  { term: '财政拨款', definition: '指由一般公共预算、政府性基金预算、国有资本经营预算安排的财政拨款数。' },
  { term: '一般公共预算', definition: '包括公共财政拨款(补助)资金、专项收入。' },
  { term: '财政专户管理资金', definition: '包括专户管理行政事业性收费(主要是教育收费)、其他非税收入。' },
  { term: '其他资金', definition: '包括事业收入、事业经营收入、其他收入等。' },
  { term: '基本支出', definition: '包括人员经费、公用经费(定额)。其中,人员经费包括工资福利支出、对个人和家庭的补助。' },
  {
    term: '项目支出',
    definition: '部门(单位)支出预算的组成部分,是各部门(单位)为完成其特定的行政任务或事业发展目标,在基本支出预算之外编制的年度项目支出计划。',
  },
  {
    term: '“三公”经费',
    definition:
      '指部门(单位)因公出国(境)费、公务用车购置及运行维护费和公务接待费,其中:因公出国(境)费反映机关和参公事业单位公务出国(境)的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出;公务用车购置反映基本建设支出中安排机关和参公事业单位用于公务用车购置的支出(含车辆购置税、牌照费);公务用车运行维护费反映机关和参公事业单位按规定保留的公务用车燃料费、维修费、过桥过路费、保险费、安全奖励费用等支出;公务接待费反映机关和参公事业单位按规定开支的各类公务接待(含外宾接待)费用。',
  },
  {
    term: '机关运行经费',
    definition:
      '指行政单位(含参照公务员法管理事业单位)的公用经费,包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费及其他费用。',
  },
];

/** The glossary a document prints: its own when it has one, else its format's, else the standard one. */
export function glossaryOf(doc: { glossary?: GlossaryEntry[] | undefined }, format?: { glossary?: readonly GlossaryEntry[] | undefined }): readonly GlossaryEntry[] {
  if (doc.glossary && doc.glossary.length > 0) return doc.glossary;
  return defaultGlossary(format);
}

/** What 恢复标准 restores: the format's glossary, or the standard budget one. */
export function defaultGlossary(format?: { glossary?: readonly GlossaryEntry[] | undefined }): readonly GlossaryEntry[] {
  return format?.glossary && format.glossary.length > 0 ? format.glossary : STANDARD_GLOSSARY;
}
