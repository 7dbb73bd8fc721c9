import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOC_EXT, PACKET_EXTS, WORKBOOK_EXTS } from '../files/kinds';

const OPENABLE = new Set([DOC_EXT, 'json', ...PACKET_EXTS, ...WORKBOOK_EXTS]);

/**
 * The file a launch asks to open (double-click, "open with", second launch), from its argv.
 * Skips the executable, switches, and the app folder/script of a development launch.
 */
export function fileFromArgv(argv: readonly string[], cwd: string): string | undefined {
  let found: string | undefined;
  for (const raw of argv.slice(1)) {
    if (raw.startsWith('-')) continue;
    // Linux desktop entries (Exec … %U) may pass file:// URLs.
    let arg = raw;
    if (/^file:\/\//i.test(raw)) {
      try {
        arg = fileURLToPath(raw);
      } catch {
        continue;
      }
    }
    const ext = arg.split('.').pop()?.toLowerCase() ?? '';
    if (!arg.includes('.') || !OPENABLE.has(ext)) continue;
    if (/[\\/]package\.json$|^package\.json$/.test(arg)) continue;
    found = isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return found;
}
