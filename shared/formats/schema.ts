import { z } from 'zod';
import type { FormatTemplate } from '../templates/types';

/**
 * A format as JSON: the same shape as shared/templates/types.ts, validated field by field so a
 * format file handed out by a finance bureau is either accepted whole or refused with the field named.
 */
const columnNo = z.string().regex(/^[1-9]\d?$/, '栏号应为 1–99 的数字');
const tableNo = z.number().int().min(1, '表号应为 1–99').max(99, '表号应为 1–99');
const text = z.string().min(1, '不能为空');
const printUnit = z.enum(['万元', '元']);

const column = z
  .object({
    no: columnNo,
    name: text,
    group: z.array(text).optional(),
    role: z.enum(['entered', 'derived']),
    sum: z.array(columnNo).optional(),
  })
  .strict();

const term = z.object({ table: tableNo.optional(), row: text, col: columnNo, coef: z.union([z.literal(1), z.literal(-1)]).optional() }).strict();
const cellRef = z.object({ table: tableNo, row: text, col: columnNo }).strict();

const hierTable = z
  .object({
    kind: z.literal('hier'),
    no: tableNo,
    title: text,
    rowSet: z.enum(['function', 'economic', 'project', 'carryover']),
    levels: z.array(z.enum(['total', 'unit', 'class', 'kuan', 'leaf'])).min(1),
    codeColumns: z.array(text),
    codeHeader: text.optional(),
    nameHeader: text,
    projectHeader: text.optional(),
    columns: z.array(column).min(1, '至少要有一栏'),
    includeWhen: z.array(z.object({ table: tableNo, cols: z.array(columnNo) }).strict()).optional(),
    totalLabel: text.optional(),
    totalLast: z.boolean().optional(),
    emptySentence: text.optional(),
    note: text.optional(),
    printUnit: printUnit.optional(),
  })
  .strict();

const fixedCell = z.union([z.object({ entered: z.literal(true) }).strict(), z.object({ terms: z.array(term) }).strict()]);

const fixedTable = z
  .object({
    kind: z.literal('fixed'),
    no: tableNo,
    title: text,
    columns: z.array(column).min(1, '至少要有一栏'),
    rows: z
      .array(
        z
          .object({
            key: text,
            label: text,
            side: z.enum(['income', 'expenditure']).optional(),
            listed: z.boolean().optional(),
            depth: z.number().int().min(0).max(5).optional(),
            code: z.string().regex(/^\d{3,7}$/, '编码应为 3–7 位数字').optional(),
            pairWith: text.optional(),
            cells: z.record(columnNo, fixedCell),
          })
          .strict(),
      )
      .min(1, '至少要有一行'),
    lineHeader: text,
    expenditureLineHeader: text.optional(),
    note: text.optional(),
    printUnit: printUnit.optional(),
  })
  .strict();

const check = z.discriminatedUnion('kind', [
  z.object({ rule: text, title: text.optional(), kind: z.literal('cells'), at: cellRef, expected: z.array(term), op: z.enum(['eq', 'ge', 'le']).optional() }).strict(),
  z.object({ rule: text, title: text.optional(), kind: z.literal('each-leaf'), table: tableNo, col: columnNo, expected: z.object({ table: tableNo, cols: z.array(columnNo) }).strict() }).strict(),
  z.object({ rule: text, title: text.optional(), kind: z.literal('by-code'), table: tableNo, col: columnNo, from: z.object({ table: tableNo, col: columnNo }).strict() }).strict(),
  z.object({ rule: text, title: text.optional(), kind: z.literal('zero-in-classes'), table: tableNo, classes: z.array(text), col: columnNo }).strict(),
]);

export const formatSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '格式标识只能由小写字母、数字和连字符组成'),
    name: text,
    entryUnit: printUnit.optional(),
    cover: text.optional(),
    parts: z
      .array(
        z
          .object({
            title: text,
            content: z.enum(['profile', 'tables', 'narrative', 'glossary']),
            sections: z.array(z.number().int().min(1).max(100)).max(100).optional(),
            composition: z.boolean().optional(),
          })
          .strict(),
      )
      .optional(),
    partNumbering: z.enum(['part', 'list']).optional(),
    narrative: z.array(z.object({ title: text, writer: text }).strict()).optional(),
    glossary: z.array(z.object({ term: text, definition: text }).strict()).optional(),
    tables: z.array(z.discriminatedUnion('kind', [hierTable, fixedTable])).min(1, '至少要有一张表'),
    checks: z.array(check),
  })
  .strict() satisfies z.ZodType<FormatTemplate, z.ZodTypeDef, unknown>;

/** Chinese names of format fields, for validation errors. */
export const FORMAT_FIELD_NAMES: Record<string, string> = {
  id: '格式标识',
  name: '格式名称',
  entryUnit: '录入单位',
  cover: '封面',
  parts: '组成部分',
  sections: '所含情况说明节次',
  composition: '单位构成',
  partNumbering: '部分编号方式',
  narrative: '情况说明各节',
  writer: '段落生成方式',
  glossary: '名词解释',
  term: '名词',
  definition: '解释',
  tables: '表',
  kind: '种类',
  no: '编号',
  title: '标题',
  rowSet: '行来源',
  levels: '层级',
  codeColumns: '编码栏',
  codeHeader: '编码栏标题',
  nameHeader: '名称栏标题',
  projectHeader: '项目栏标题',
  columns: '栏',
  role: '栏的性质',
  sum: '求和来源',
  group: '表头分组',
  includeWhen: '列入条件',
  emptySentence: '空表说明',
  totalLabel: '合计行名称',
  totalLast: '合计行印在表末',
  code: '编码',
  pairWith: '并列的支出行',
  expenditureLineHeader: '支出方项目栏标题',
  note: '表注',
  printUnit: '列示单位',
  rows: '行',
  key: '行键',
  label: '行名称',
  side: '收支方',
  listed: '有数才印的行',
  depth: '缩进层级',
  cells: '单元格',
  terms: '计算来源',
  lineHeader: '项目栏标题',
  checks: '表间核对',
  rule: '规则',
  at: '核对单元格',
  expected: '应等于',
  op: '比较方式',
  table: '表号',
  row: '行',
  col: '栏号',
  cols: '栏号',
  from: '来源',
  classes: '经济分类类',
};
