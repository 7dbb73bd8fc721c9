import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * Names of the temporary files an atomic save writes beside its target. The name carries a
 * tag of this machine and the writer's process id, so a temp left by a crashed save is known
 * at once (same machine, process gone), and a random suffix so two saves never share a name.
 */
const PREFIX = '.budget-desk-';
const SUFFIX = '.tmp';

/** Six hex characters from the host name: tells our machine's temps from another's on a shared folder. */
export const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 6);

export function tempPathIn(dir: string): string {
  return join(dir, `${PREFIX}${HOST_TAG}-${process.pid}-${randomBytes(8).toString('hex')}${SUFFIX}`);
}

export interface TempName {
  host: string;
  pid: number;
}

const OURS = /^\.budget-desk-([0-9a-f]{6})-(\d{1,10})-[0-9a-f]{16}\.tmp$/;
/** What versions before the random suffix wrote: `.{name}.{pid}.{Date.now()}.tmp`. */
const LEGACY = /^\..+\.\d{1,10}\.\d{13}\.tmp$/;

/** The writer of one of our temp names; `legacy` for the old pattern (judged by age only); undefined if not ours. */
export function parseTempName(name: string): TempName | 'legacy' | undefined {
  const m = OURS.exec(name);
  if (m) return { host: m[1] as string, pid: Number(m[2]) };
  return LEGACY.test(name) ? 'legacy' : undefined;
}
