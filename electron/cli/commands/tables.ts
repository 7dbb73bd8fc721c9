import { formatOption } from '../format-option';
import { tablesJson } from '../../../shared/views/tables-json';
import { tablesText } from '../../../shared/views/tables-text';
import { parseArgs, UsageError } from '../args';
import { openInput } from '../io';
import type { Command } from '../registry';

export const tablesCommand: Command = {
  async run(argv, io) {
    const a = parseArgs(argv, ['--format']);
    const file = a.positionals[0];
    if (!file) throw new UsageError('需要文件名');
    const { session } = await openInput(file, await formatOption(a));
    io.out(a.flags.has('--json') ? `${JSON.stringify(tablesJson(session), null, 1)}\n` : tablesText(session));
    return 0;
  },
};
