import { describeFsError } from '../files/errors';
import { ChromiumMissingError } from '../print/chromium-pdf';
import { UsageError } from './args';
import { isFsError } from './files';
import { InputError } from './input-error';
import type { CliIo } from './io';
import { type CommandEntry, loadInputReaders } from './registry';

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

/** Runs one subcommand: its failures become one Chinese line and exit code 2. */
export async function runCommand(command: CommandEntry, argv: string[], io: CliIo): Promise<number> {
  try {
    const [, loaded] = await Promise.all([loadInputReaders(), command.load()]);
    return await loaded.run(argv, io);
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
