import { formatOption } from '../format-option';
import { allFindings, countFindings } from '../../../shared/rules/all-findings';
import { sessionWorkbookBuffer } from '../../xlsx/workbook-file';
import { parseArgs, UsageError } from '../args';
import { checkOutput, writeOutput } from '../files';
import { openInput } from '../io';
import type { Command } from '../registry';

export const exportCommand: Command = {
  async run(argv, io) {
    const a = parseArgs(argv, ['--xlsx', '--format']);
    const file = a.positionals[0];
    const out = a.options.get('--xlsx');
    if (!file) throw new UsageError('需要要导出的文档文件名');
    if (!out) throw new UsageError('需要用 --xlsx 指定输出的 .xlsx 文件');
    if (!/\.xlsx$/i.test(out)) throw new UsageError(`输出文件“${out}”应以 .xlsx 结尾`);
    await checkOutput(out);
    const { session } = await openInput(file, await formatOption(a));
    const t0 = performance.now();
    const findings = allFindings(session);
    // --no-findings-sheet: the copy sent to 财政, without the app's 检查结果 sheet.
    const sheet = !a.flags.has('--no-findings-sheet');
    // --formulas: totals and subtotals as SUM formulas with cached results (values only by default).
    const formulas = a.flags.has('--formulas');
    const bytes = await sessionWorkbookBuffer(session, sheet ? findings : [], { formulas });
    const ms = performance.now() - t0;
    await writeOutput(out, bytes);
    const { errors, warnings } = countFindings(findings);
    const what = findings.length && sheet ? `和 ${findings.length} 条检查结果（错误 ${errors}，提示 ${warnings}）` : '';
    io.out(`已导出 ${session.document.department} ${session.document.year} 年 ${session.template.tables.length} 张表${what}${formulas ? '，合计写成公式' : ''}（${ms.toFixed(0)} ms）→ ${out}\n`);
    return 0;
  },
};
