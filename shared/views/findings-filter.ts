import type { RuleId, Severity } from '../rules/catalog';
import type { Finding } from '../rules/finding';

/** What 检查结果 is narrowed to: a severity, a table (0 = the text), a rule; undefined = all. */
export interface FindingsFilter {
  severity?: Severity;
  table?: number;
  rule?: RuleId;
}

/** The tables a finding concerns: its own and those of all its places. */
export function findingTables(f: Finding): number[] {
  if (!f.places) return [f.table];
  return [...new Set([f.table, ...f.places.map((p) => p.table)])];
}

function ruleIds(f: Finding): RuleId[] {
  return f.places ? [...new Set([f.rule, ...f.places.map((p) => p.rule)])] : [f.rule];
}

export function filterFindings(list: readonly Finding[], filter: FindingsFilter): Finding[] {
  const { severity, table, rule } = filter;
  if (severity === undefined && table === undefined && rule === undefined) return list as Finding[];
  return list.filter(
    (f) =>
      (severity === undefined || f.severity === severity) &&
      (table === undefined || findingTables(f).includes(table)) &&
      (rule === undefined || ruleIds(f).includes(rule)),
  );
}

/** How many findings each choice of a filter would leave (given the other two), for the choices' labels. */
export function filterChoices(list: readonly Finding[], filter: FindingsFilter): { tables: Map<number, number>; rules: Map<RuleId, number>; severities: Map<Severity, number> } {
  const tables = new Map<number, number>();
  const rules = new Map<RuleId, number>();
  const severities = new Map<Severity, number>();
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const f of filterFindings(list, { ...filter, table: undefined })) for (const t of findingTables(f)) bump(tables, t);
  for (const f of filterFindings(list, { ...filter, rule: undefined })) for (const r of ruleIds(f)) bump(rules, r);
  for (const f of filterFindings(list, { ...filter, severity: undefined })) bump(severities, f.severity);
  return { tables, rules, severities };
}
