import type { Finding } from '../rules/finding';

/** One input of a batch audit: what was read, and what `check` found in it. */
export interface PacketAudit {
  file: string;
  /** False when the input could not be read at all (not a packet, damaged, missing). */
  ok: boolean;
  /** Why it could not be read, in Chinese. */
  error?: string;
  department?: string;
  year?: number;
  format?: string;
  /** How many of the format's tables the input has. */
  tables?: number;
  errors: number;
  warnings: number;
  /** What the importer could not read (table and line), as sentences. */
  unreadable: string[];
  findings: Finding[];
  /** Time to import and check, in milliseconds. */
  ms: number;
}

export interface AuditTotals {
  packets: number;
  unreadable: number;
  withErrors: number;
  errors: number;
  warnings: number;
}

export function auditTotals(results: readonly PacketAudit[]): AuditTotals {
  return {
    packets: results.length,
    unreadable: results.filter((r) => !r.ok).length,
    withErrors: results.filter((r) => r.errors > 0).length,
    errors: results.reduce((s, r) => s + r.errors, 0),
    warnings: results.reduce((s, r) => s + r.warnings, 0),
  };
}

/** Exit code as `check`: 2 when an input could not be read, else 1 when any has errors, else 0. */
export function auditExitCode(results: readonly PacketAudit[]): 0 | 1 | 2 {
  if (results.some((r) => !r.ok)) return 2;
  return results.some((r) => r.errors > 0) ? 1 : 0;
}

/** Where a finding is, as a reader says it (table, row, column; or the text's section). */
export function findingPlace(f: { table: number; row: string; column: string }): string {
  return f.table === 0 ? f.row : `表${f.table} ${f.row}${f.column ? ` 第${f.column}栏` : ''}`;
}

/** A finding's sentence without its list of other places (a report shows those in their own column). */
export function findingText(f: Finding): string {
  return f.places ? f.message.replace(/；同一原因还涉及：.*$/, '') : f.message;
}

/** The other places of a grouped finding, as one line. */
export function otherPlaces(f: Finding): string {
  if (!f.places) return '';
  const own = findingPlace(f);
  const seen = new Set<string>([own]);
  return f.places
    .map((p) => (p.table === 0 ? `${p.row}（${p.actual}）` : findingPlace(p)))
    .filter((p) => !seen.has(p) && seen.add(p))
    .join('；');
}
