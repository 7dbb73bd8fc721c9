import type { CliIo } from './io';
import { checkCommand } from './commands/check';
import { newCommand } from './commands/new';
import { tablesCommand } from './commands/tables';

export interface Command {
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/** Every `budget-desk` subcommand; each lives in commands/<name>.ts. */
export const COMMANDS: Record<string, Command> = {
  new: newCommand,
  tables: tablesCommand,
  check: checkCommand,
};
