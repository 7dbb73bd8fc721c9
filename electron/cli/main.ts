import { describeFsError } from '../files/errors';
import { ChromiumMissingError } from '../print/chromium-pdf';
import { UsageError } from './args';
import { isFsError } from './files';
import { type CliIo, InputError } from './io';
import { COMMANDS, loadInputReaders } from './registry';

const USAGE = `用法 / usage: budget-desk <命令> …
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}`;

/** A reason on one line: a message that spans lines would read as several errors. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * What the user can fix (usage, unreadable input, output path, permissions, missing Chromium):
 * its reason in Chinese; undefined for a bug of ours.
 */
function userFailure(e: unknown): string | undefined {
  if (e instanceof UsageError || e instanceof InputError || e instanceof ChromiumMissingError) return e.message;
  // A file-system error that escaped a command's own wording: still the user's file or disk.
  if (isFsError(e)) return describeFsError(e, '读写', e.path ?? '');
  return undefined;
}

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
    await loadInputReaders();
    return await (await command.load()).run(rest, io);
  } catch (e) {
    const reason = userFailure(e);
    if (reason !== undefined) {
      io.err(`错误：${oneLine(reason)}\n`);
      return 2;
    }
    // Only a real bug of ours gets the stack trace.
    io.err(`内部错误：${e instanceof Error ? e.stack : String(e)}\n`);
    return 2;
  }
}
