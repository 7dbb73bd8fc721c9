import { z } from 'zod';
import { formatSchema } from '../formats/schema';
import { documentIssues } from './document-bounds';

/**
 * The budget document: everything the accountant enters for one department and year.
 * Amounts are decimal strings in the document's entry unit (`unit`), never JS floats.
 * Derived cells are not stored; an imported packet may carry what it *printed* for them.
 */
/** 2: `template` names a format (`budget-2024` became `xinjiang-budget-2024`); `customFormat` may carry one. */
export const CURRENT_VERSION = 2;

const amount = z
  .string()
  .regex(/^-?\d{1,15}(\.\d{1,6})?$/, '应为金额文本，如 "1234.56"');

/** Entered values of a row, keyed `table.column`, e.g. `"2.3"` = table 2 column 3. */
const values = z.record(z.string().regex(/^\d{1,2}\.\d{1,2}$/, '单元格键应为“表号.栏号”'), amount);

export const functionRowSchema = z.object({
  code: z.string().regex(/^\d{7}$/, '功能分类项级科目编码应为 7 位数字'),
  name: z.string().optional(),
  values,
});

export const economicRowSchema = z.object({
  code: z.string().regex(/^\d{5}$/, '经济分类款级科目编码应为 5 位数字'),
  name: z.string().optional(),
  values,
});

/**
 * A project's id keys its table rows (`p:ID`); a table-7 row of a sub-unit is keyed `单位/类`,
 * so an id with “/” could take a sub-unit row's key.
 */
const rowId = z.string().regex(/^[^/]+$/, '编号不能为空，也不能含“/”');

/** Sub-unit rows are keyed `unit:单位`; a unit named `unit:…` could take another unit's row key. */
const unitName = z
  .string()
  .refine((u) => !u.startsWith('unit:'), '单位名称不能以“unit:”开头')
  .optional();

export const projectRowSchema = z.object({
  id: rowId,
  code: z.string().regex(/^\d{7}$/, '功能分类项级科目编码应为 7 位数字'),
  name: z.string().optional(),
  project: z.string(),
  unit: unitName,
  values,
});

export const carryoverRowSchema = z.object({
  id: rowId,
  project: z.string(),
  unit: unitName,
  values,
});

const text = z.string();
const optionalCount = z.number().int().min(-1_000_000).max(1_000_000).optional();

export const profileSchema = z.object({
  functions: text.default(''),
  offices: z.array(text).default([]),
  /** 部门决算 part 1 单位构成: 单位名称 and 备注 in printed order (the department itself first). */
  units: z.array(z.object({ name: text, note: text.optional() })).optional(),
  staff: z
    .object({
      authorized: optionalCount,
      actual: optionalCount,
      active: optionalCount,
      activeChange: optionalCount,
      retired: optionalCount,
      retiredChange: optionalCount,
      veteran: optionalCount,
      veteranChange: optionalCount,
    })
    .default({}),
});

/** Last year's budget figures, from which the narrative states changes. */
export const priorYearSchema = z.object({
  income: z.record(z.string(), amount).default({}),
  basic: amount.optional(),
  project: amount.optional(),
  gbBasic: amount.optional(),
  gbProject: amount.optional(),
  gbItems: z.record(z.string(), amount).default({}),
  threePublic: z.record(z.string(), amount).default({}),
  runningCosts: amount.optional(),
});

/**
 * 部门决算: that year's 年初预算, against which the 决算数 are stated (carried from the year's budget
 * document, or typed): `totals` by fund (`gb` 一般公共预算财政拨款支出, `fund`, `soe`), and each 项
 * (7-digit code) of the 一般公共预算, 政府性基金 and 国有资本经营 财政拨款 tables.
 */
export const initialBudgetSchema = z.object({
  totals: z.record(z.string(), amount).default({}),
  gbItems: z.record(z.string(), amount).default({}),
  fundItems: z.record(z.string(), amount).default({}),
  soeItems: z.record(z.string(), amount).default({}),
});

export const projectInfoSchema = z.object({
  basis: text.optional(),
  scale: text.optional(),
  undertaker: text.optional(),
  allocation: text.optional(),
  period: text.optional(),
  /** Shanghai 项目经费情况说明 only: 项目概述, 实施方案, 年度预算安排, 绩效目标. */
  overview: text.optional(),
  plan: text.optional(),
  budget: text.optional(),
  targets: text.optional(),
});

export const narrativeSchema = z.object({
  /** 主要原因, keyed by the line they explain (e.g. `income.gb`, `basic`, `gb.2010350`, `3p.reception`). */
  reasons: z.record(z.string(), text).default({}),
  /** 主要用于, keyed by function 类 code. */
  purposes: z.record(z.string(), text).default({}),
  projects: z.record(z.string(), projectInfoSchema).default({}),
  /**
   * Shanghai 项目经费情况说明: the projects it explains, in print order (their text is
   * `projects[name]`). A name taken off the list keeps its text, so putting it back restores it.
   */
  projectNotes: z.array(text).default([]),
  carryoverPurposes: z.record(z.string(), text).default({}),
  /**
   * 部门决算 十一（一）: the 机关运行经费 as the department reports it, when it is not 表6 公用经费合计
   * (units that are neither 行政 nor 参公 have 公用经费 that are not 机关运行经费).
   */
  runningCosts: amount.optional(),
  procurement: z.record(z.string(), z.union([amount, text])).default({}),
  assets: z.record(z.string(), text).default({}),
  performance: z.record(z.string(), text).default({}),
  /** Paragraphs the accountant chose to write by hand, by section id. */
  overrides: z.record(z.string(), text).default({}),
  /** Narrative text as printed in an imported packet, by section id. */
  printed: z.record(z.string(), text).default({}),
});

/** One row of a 绩效目标表: 一级/二级/三级指标, 指标值, 设定依据, 分值权重 …; free text except the weight. */
export const performanceIndicatorSchema = z.object({
  level1: text.default(''),
  level2: text.default(''),
  level3: text.default(''),
  value: text.default(''),
  basis: text.default(''),
  weight: text.default(''),
  lastYear: text.optional(),
  scoring: text.optional(),
  evidence: text.optional(),
});

/**
 * 部门整体绩效目标表 and 项目支出绩效目标表 (第三部分 十二（四）). Amounts the tables already hold
 * (年度预算, 资金来源) are not stored for table-7 projects; a project outside table 7 (funded by
 * 单位资金) states its amounts here, in the document's unit.
 */
export const performanceTargetsSchema = z.object({
  overall: z
    .object({
      contact: text.optional(),
      phone: text.optional(),
      goal: text.default(''),
      /** 财政资金 上级安排 / 本级安排 and 其他资金 as the department splits them. */
      superior: amount.optional(),
      own: amount.optional(),
      other: amount.optional(),
      indicators: z.array(performanceIndicatorSchema).default([]),
    })
    .optional(),
  projects: z
    .array(
      z.object({
        /** Table 7 project id, when the project is there. */
        projectId: z.string().optional(),
        name: text,
        unit: text.optional(),
        manager: text.optional(),
        total: amount.optional(),
        fiscal: amount.optional(),
        other: amount.optional(),
        goal: text.default(''),
        indicators: z.array(performanceIndicatorSchema).default([]),
      }),
    )
    .default([]),
});

/** `table|rowKey|column`, as shared/engine/cell-id.ts names a cell. */
const CELL_KEY = /^\d{1,2}\|[^|]+\|\d{1,2}$/;
/** Longest 批注 kept: a note, not a document. */
export const COMMENT_MAX_CHARS = 2000;
const commentText = z.string().min(1, '批注不能为空').max(COMMENT_MAX_CHARS, `批注不能超过 ${COMMENT_MAX_CHARS} 个字`);

export const codeListEntrySchema = z.object({ code: z.string(), name: z.string() });

/** 部门名称 (the longest real ones are about 40 characters): it is written into headings, file names and searches of the text. */
export const MAX_DEPARTMENT_CHARS = 200;

/** The document's fields without the checks across them (documentSchema adds those). */
export const documentShape = z.object({
  format: z.literal('budget-desk-document'),
  version: z.literal(CURRENT_VERSION),
  /** The format's id (shared/formats): a built-in one, or the one `customFormat` carries. */
  template: z.string().min(1),
  /** A format loaded from a file travels with the document, so it opens the same anywhere. */
  customFormat: formatSchema.optional(),
  department: z.string().min(1, '部门名称不能为空').max(MAX_DEPARTMENT_CHARS, `部门名称过长（超过 ${MAX_DEPARTMENT_CHARS} 个字）`),
  year: z.number().int().min(1990).max(2200),
  unit: z.enum(['万元', '元']),
  sample: z.boolean().optional(),
  subUnits: z.array(text).default([]),
  profile: profileSchema.default({}),
  functionRows: z.array(functionRowSchema).default([]),
  economicRows: z.array(economicRowSchema).default([]),
  projectRows: z.array(projectRowSchema).default([]),
  carryoverRows: z.array(carryoverRowSchema).default([]),
  /** Entered cells of the fixed tables (1, 4, 10): table → row key → column → amount. */
  fixed: z.record(z.string(), z.record(z.string(), z.record(z.string(), amount))).default({}),
  /** Names of codes as the department prints them (类/款 rows of an imported packet). */
  names: z.record(z.string(), text).default({}),
  /** What an imported packet printed for cells: `table|row|column` → amount in 万元. */
  printed: z.record(z.string(), amount).default({}),
  priorYear: priorYearSchema.default({}),
  /** 部门决算 only: the year's 年初预算 (see initialBudgetSchema). */
  initialBudget: initialBudgetSchema.optional(),
  narrative: narrativeSchema.default({}),
  glossary: z.array(z.object({ term: text, definition: text })).optional(),
  performanceTargets: performanceTargetsSchema.optional(),
  classification: z
    .object({ function: z.array(codeListEntrySchema).default([]), economic: z.array(codeListEntrySchema).default([]) })
    .optional(),
  /**
   * 批注: the accountant's notes on table cells, keyed like a cell id (`表|行|栏`, e.g. `2|2010301|3`).
   * Optional, so documents without notes (all before it) read and save unchanged: no version step needed.
   */
  comments: z.record(z.string().regex(CELL_KEY, '批注的单元格键应为“表号|行|栏号”'), commentText).optional(),
});

/**
 * The schema shape plus what the engine needs to open it (amounts within AMOUNT_BOUND, unique
 * codes and ids): a document this schema accepts always opens.
 */
export const documentSchema = documentShape.superRefine((doc, ctx) => {
  for (const issue of documentIssues(doc, { syntax: false })) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: issue.path, message: issue.message, params: { located: issue.located } });
  }
});

export type BudgetDocument = z.infer<typeof documentShape>;
export type FunctionRow = z.infer<typeof functionRowSchema>;
export type EconomicRow = z.infer<typeof economicRowSchema>;
export type ProjectRow = z.infer<typeof projectRowSchema>;
export type CarryoverRow = z.infer<typeof carryoverRowSchema>;
export type PriorYear = z.infer<typeof priorYearSchema>;
export type InitialBudget = z.infer<typeof initialBudgetSchema>;
export type CodeListEntry = z.infer<typeof codeListEntrySchema>;
export type PerformanceTargets = z.infer<typeof performanceTargetsSchema>;
export type PerformanceIndicator = z.infer<typeof performanceIndicatorSchema>;
