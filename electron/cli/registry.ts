import type { CliIo } from './io';
import { auditCommand } from './commands/audit';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import '../import/register-input';
import '../xlsx/register-input';
import { narrativeCommand } from './commands/narrative';
import { newCommand } from './commands/new';
import { nextYearCommand } from './commands/next-year';
import { packetCommand } from './commands/packet';
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
  audit: auditCommand,
  import: importCommand,
  export: exportCommand,
  narrative: narrativeCommand,
  packet: packetCommand,
  'next-year': nextYearCommand,
};
