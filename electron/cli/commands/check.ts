import { formatOption } from '../format-option';
import { checkFindings } from '../../../shared/rules/all-findings';
import { parseArgs, UsageError } from '../args';
import { openInput } from '../io';
import type { Command } from '../registry';

export const checkCommand: Command = {
  async run(argv, io) {
    const a = parseArgs(argv, ['--format']);
    const file = a.positionals[0];
    if (!file) throw new UsageError('需要文件名');
    const { session, warnings } = await openInput(file, await formatOption(a));
    // What an importer could not read goes to stderr, so `--json` output stays one JSON array.
    for (const w of warnings) io.err(`导入提示：${w}\n`);
    // An imported packet also has its printed text audited; one root cause is one finding.
    const findings = checkFindings(session);
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (a.flags.has('--json')) {
      // `places` is added only to a finding that stands for several (the shape stays a contract).
      const out = findings.map(({ rule, severity, table, row, column, expected, actual, message, places }) => ({
        rule,
        severity,
        table,
        row,
        column,
        expected,
        actual,
        message,
        ...(places ? { places: places.map(({ rowKey: _rowKey, ...p }) => p) } : {}),
      }));
      io.out(`${JSON.stringify(out, null, 1)}\n`);
    } else {
      for (const f of findings) {
        const where = f.table === 0 ? f.row : `表${f.table} ${f.row} 第${f.column}栏`;
        io.out(`[${f.severity === 'error' ? '错误' : '提示'}] ${where}：${f.message}\n`);
      }
      io.out(`共 ${errors} 个错误，${findings.length - errors} 个提示\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};
