import { serializeDocument } from '../../../shared/model';
import { finalAccountsFromBudget } from '../../../shared/next-year/final-accounts-from-budget';
import { parseArgs, UsageError } from '../args';
import { checkOutput, writeOutput } from '../files';
import { formatOption } from '../format-option';
import { readInputDocument } from '../inputs';
import { InputError } from '../io';
import type { Command } from '../registry';

/** `new-final-accounts BUDGET -o DOC`: the year's 部门决算 started from its budget (预算数 as 年初预算). */
export const newFinalAccountsCommand: Command = {
  async run(argv, io) {
    const a = parseArgs(argv, ['-o', '--out', '--format']);
    const file = a.positionals[0];
    const out = a.options.get('-o') ?? a.options.get('--out');
    if (!file) throw new UsageError('需要该年度的部门预算文档或已公开的预算文件');
    if (!out) throw new UsageError('需要用 -o 指定部门决算文档');
    await checkOutput(out);
    const { doc } = await readInputDocument(file, await formatOption(a));
    const r = finalAccountsFromBudget(doc);
    if (!r.ok) throw new InputError(`${file}：${r.reason}`);
    await writeOutput(out, serializeDocument(r.doc));
    const ib = r.doc.initialBudget!;
    const items = Object.keys(ib.gbItems).length + Object.keys(ib.fundItems).length + Object.keys(ib.soeItems).length;
    io.out(
      `已生成 ${r.doc.department} ${r.doc.year} 年度部门决算草稿（年初预算：一般公共预算财政拨款支出 ${ib.totals.gb ?? '0.00'} 万元，${items} 个项级科目；“三公”经费预算数已填入表7）→ ${out}\n`,
    );
    return 0;
  },
};
