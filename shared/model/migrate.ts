import { CURRENT_VERSION } from './schema';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[v] turns a version-v document into version v+1. */
const MIGRATIONS: Record<number, Migration> = {
  // Formats gained region-qualified ids: the only format of version 1 was the Xinjiang 2024 budget.
  1: (doc) => ({ ...doc, version: 2, template: doc.template === 'budget-2024' ? 'xinjiang-budget-2024' : doc.template }),
};

export function migrate(doc: Record<string, unknown>): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: false, error: '格式版本（version）缺失或不是整数' };
  if (version > CURRENT_VERSION) {
    return { ok: false, error: `文档格式版本 ${version} 比本程序支持的版本 ${CURRENT_VERSION} 新，请升级程序后再打开` };
  }
  let current = doc;
  while (version < CURRENT_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return { ok: false, error: `不支持的文档格式版本 ${version}` };
    current = step(current);
    version += 1;
  }
  return { ok: true, value: current };
}
