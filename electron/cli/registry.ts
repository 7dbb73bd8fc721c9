import type { CliIo } from './io';

export interface Command {
  run(argv: string[], io: CliIo): Promise<number>;
}

/**
 * A subcommand as `--help` lists it, and how to load it. Each command lives in commands/<name>.ts
 * and is loaded only when run: `--help` and a text import start without loading exceljs, PDF or
 * the other commands.
 */
export interface CommandEntry {
  usage: string;
  load(): Promise<Command>;
}

/** Every `budget-desk` subcommand, in the order `--help` lists them. */
export const COMMANDS: Record<string, CommandEntry> = {
  new: {
    usage: 'new --dept 部门名称 --year 年度 [--unit 万元|元] [--format 格式.json] -o FILE   新建空白预算文档',
    load: async () => (await import('./commands/new')).newCommand,
  },
  tables: {
    usage: 'tables FILE [--json] [--format 格式.json]   输出公开表（--json 为机器可读格式）',
    load: async () => (await import('./commands/tables')).tablesCommand,
  },
  check: {
    usage: 'check FILE [--json] [--format 格式.json]   检查一致性；有错误时退出码为 1，无法读取为 2',
    load: async () => (await import('./commands/check')).checkCommand,
  },
  audit: {
    usage: 'audit DIR|FILE… [--json] [--xlsx 报告.xlsx] [--html 报告.html] [--jobs N]   批量审核；有错误时退出码为 1，有无法读取的文件为 2',
    load: async () => (await import('./commands/audit')).auditCommand,
  },
  import: {
    usage: 'import FILE -o DOC [--warnings] [--format 格式.json]   导入已公开的部门预算文件（.txt、.pdf 或 .docx），写出预算文档',
    load: async () => (await import('./commands/import')).importCommand,
  },
  export: {
    usage: 'export FILE --xlsx OUT.xlsx [--no-findings-sheet] [--formulas] [--format 格式.json]   导出公开表为 Excel 工作簿（有检查结果时另附“检查结果”表；--formulas 合计、小计写成 SUM 公式）',
    load: async () => (await import('./commands/export')).exportCommand,
  },
  narrative: {
    usage: 'narrative DOC [--missing] [--json] [--format 格式.json]   输出第三部分 部门预算情况说明（纯文本；--missing 另列缺少的填写项；--json 含每个数字的来源）',
    load: async () => (await import('./commands/narrative')).narrativeCommand,
  },
  packet: {
    usage: 'packet DOC --pdf OUT.pdf [--html OUT.html] [--format 格式.json]   打印公开文件（封面、目录、第一至四部分）为 PDF',
    load: async () => (await import('./commands/packet')).packetCommand,
  },
  'next-year': {
    usage: 'next-year FILE -o DOC [--format 格式.json]   新建下一年度预算（FILE 可为预算文档或已公开文件）：本年数作为上年数',
    load: async () => (await import('./commands/next-year')).nextYearCommand,
  },
  'new-final-accounts': {
    usage: 'new-final-accounts BUDGET -o DOC [--format 格式.json]   由该年度部门预算（文档或已公开文件）新建部门决算：预算数作为年初预算',
    load: async () => (await import('./commands/new-final-accounts')).newFinalAccountsCommand,
  },
};

/** Input readers (packets, workbooks) register themselves for the commands that open a file. */
export async function loadInputReaders(): Promise<void> {
  await Promise.all([import('../import/register-input'), import('../xlsx/register-input')]);
}
