import type { NarrativeSectionDecl } from '../templates/types';

/**
 * The 部门决算 packet's 情况说明 (第三部分) and 名词解释, as the Shanghai 决算 template orders and
 * words them (shared/disclosures/shanghai/final-accounts-template.pdf); the `final-accounts`
 * format (final-accounts.ts) names these. The writers are in shared/narrative/sections/final-accounts.
 */
export const FINAL_ACCOUNTS_NARRATIVE: NarrativeSectionDecl[] = [
  { title: '收入支出决算总体情况说明', writer: 'fa-overview' },
  { title: '收入决算情况说明', writer: 'fa-income' },
  { title: '支出决算情况说明', writer: 'fa-expenditure' },
  { title: '财政拨款收入支出决算总体情况说明', writer: 'fa-fiscal' },
  { title: '一般公共预算财政拨款支出决算情况说明', writer: 'fa-general-budget' },
  { title: '一般公共预算财政拨款基本支出决算情况说明', writer: 'fa-basic' },
  { title: '财政拨款“三公”经费支出决算情况说明', writer: 'fa-three-public' },
  { title: '政府性基金预算财政拨款收入支出决算情况说明', writer: 'fa-government-fund' },
  { title: '国有资本经营预算财政拨款收入支出决算情况说明', writer: 'fa-state-capital' },
  { title: '预算绩效管理情况', writer: 'fa-performance' },
  { title: '其他重要事项的情况说明', writer: 'fa-other' },
];

export const FINAL_ACCOUNTS_GLOSSARY: Array<{ term: string; definition: string }> = [
  {
    term: '财政拨款收入',
    definition: '指单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。',
  },
  { term: '事业收入', definition: '指事业单位开展专业业务活动及其辅助活动取得的收入。' },
  { term: '经营收入', definition: '指事业单位在专业业务活动及其辅助活动之外开展非独立核算经营活动取得的收入。' },
  { term: '其他收入', definition: '指单位取得的除“财政拨款收入”“事业收入”“经营收入”等以外的收入。' },
  { term: '年初结转和结余', definition: '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。' },
  {
    term: '年末结转和结余',
    definition: '指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金。',
  },
  { term: '基本支出', definition: '指单位为保障机构正常运转、完成日常工作任务而发生的各项支出。' },
  { term: '项目支出', definition: '指单位为完成特定的行政工作任务或事业发展目标，在基本支出之外发生的各项支出。' },
  { term: '经营支出', definition: '指事业单位在专业活动及辅助活动之外开展非独立核算经营活动发生的支出。' },
  {
    term: '“三公”经费',
    definition:
      '指单位使用本级财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。其中:因公出国（境）费反映单位参加国际合作交流、重大项目洽谈、境外培训研修等的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；公务接待费反映全国性专业会议、国家重大政策调研、专项检查以及外事团组接待交流等执行公务或开展业务所需住宿费、交通费、伙食费等支出；公务用车购置及运行维护费反映编制内公务车辆的报废更新，以及用于安排市内因公出差、公务文件交换、日常工作开展等所需公务用车燃料费、维修费、过路过桥费、保险费等支出。',
  },
  { term: '机关运行经费', definition: '指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。' },
];
