import { formatOption } from '../format-option';
import { generateNarrative } from '../../../shared/narrative/generate';
import { narrativeText } from '../../../shared/narrative/plain-text';
import { FINAL_ACCOUNTS_FORMAT_ID } from '../../../shared/next-year/final-accounts-from-budget';
import { parseArgs, UsageError } from '../args';
import { openInput } from '../io';
import type { Command } from '../registry';

export const narrativeCommand: Command = {
  async run(argv, io) {
    const a = parseArgs(argv, ['--format']);
    const file = a.positionals[0];
    if (!file) throw new UsageError('需要文件名');
    const { session } = await openInput(file, await formatOption(a));
    const n = generateNarrative(session);
    if (a.flags.has('--json')) {
      // Paragraphs with their runs: text, and numbers with kind, value, label and source.
      io.out(`${JSON.stringify({ department: n.department, year: n.year, sections: n.sections, missing: n.missing }, null, 1)}\n`);
    } else {
      // The 部门决算 format names its part “{D}{Y}年度部门决算情况说明”; the budgets keep the usual heading.
      const part = session.template.id === FINAL_ACCOUNTS_FORMAT_ID ? session.template.parts?.find((p) => p.content === 'narrative') : undefined;
      const heading = part ? `第三部分 ${part.title.replace('{D}', n.department).replace('{Y}', String(n.year))}` : undefined;
      io.out(narrativeText(n, heading));
    }
    if (a.flags.has('--missing')) {
      for (const m of n.missing) io.err(`缺少：${m.label}（${m.field}）\n`);
    }
    return 0;
  },
};
