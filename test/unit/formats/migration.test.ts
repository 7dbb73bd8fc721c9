import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { CURRENT_VERSION, loadDocument, newDocument } from '../../../shared/model';

describe('document version 1 → 2: the format is named', () => {
  it('a version-1 document (format budget-2024) opens as xinjiang-budget-2024 with its tables', () => {
    const text = readFileSync(new URL('../../fixtures/003.budget.json', import.meta.url), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ version: 1, template: 'budget-2024' });
    const r = loadDocument(text);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.version).toBe(CURRENT_VERSION);
    expect(r.doc.template).toBe('xinjiang-budget-2024');
    const s = BudgetSession.open(r.doc);
    expect(s.template.tables).toHaveLength(11);
    expect(s.template.narrative).toHaveLength(12);
  });

  it('an unknown format id is refused when opened, naming it', () => {
    const r = loadDocument(JSON.stringify({ format: 'budget-desk-document', version: 1, template: 'guangdong-2030', department: '测试', year: 2025, unit: '万元' }));
    // Refused by the loader (the window had nothing to show for it), not later by the session.
    expect(!r.ok && r.error).toMatch(/^预算文档的表格格式“guangdong-2030”不是本程序认识的格式（本程序内置：.*），无法打开$/);
    const doc = newDocument('测试', 2025);
    expect(() => BudgetSession.open({ ...doc, template: 'guangdong-2030' })).toThrow('未知的表格格式“guangdong-2030”');
  });
});
