import type { CliIo } from './io';
import { COMMANDS, loadInputReaders } from './registry';

const USAGE = `用法 / usage: budget-desk <命令> …
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}`;

/**
 * Exit codes: 0 ok, 1 the check found errors, 2 the input could not be read or bad usage.
 * Only the command list is loaded up front: `--help` starts with nothing else, and a command
 * loads its runner, the input readers and its own modules when it runs.
 */
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
  // The runner, the input readers and the command's modules load at once, not one after another;
  // a failure to load is reported by runCommand, which asks for them again.
  const ignore = () => undefined;
  command.load().catch(ignore);
  loadInputReaders().catch(ignore);
  const { runCommand } = await import('./run');
  return runCommand(command, rest, io);
}
