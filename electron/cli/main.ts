import { type CliIo, InputError } from './io';
import { UsageError } from './args';
import { COMMANDS } from './registry';

const USAGE = `用法 / usage: budget-desk <命令> …
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}`;

/** Exit codes: 0 ok, 1 the check found errors, 2 the input could not be read or bad usage. */
export async function main(argv: string[], io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令“${name}”\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.err(`错误：${e.message}\n`);
      return 2;
    }
    io.err(`内部错误：${e instanceof Error ? e.stack : String(e)}\n`);
    return 2;
  }
}
