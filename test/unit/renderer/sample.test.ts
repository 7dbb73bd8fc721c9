import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { documentSchema, serializeDocument } from '../../../shared/model';
import { deriveSample } from '../../../shared/samples/derive-sample';
import { sampleDocument } from '../../../shared/samples/sample-department';
import { allFindings } from '../../../shared/rules/all-findings';

describe('built-in sample department', () => {
  const doc = sampleDocument();
  const s = BudgetSession.open(doc);

  it('is the 003 department, marked as a sample, with no error findings', () => {
    expect(doc.department).toBe('昌吉回族自治州人民政府驻北京联络处');
    expect(doc.year).toBe(2024);
    expect(doc.sample).toBe(true);
    expect(s.findings().filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('is complete: no finding at all, in the tables, the explanation text or the 绩效目标表', () => {
    expect(allFindings(s)).toEqual([]);
  });

  it('states the corrected totals (the packet printed 342.31 / 160.31)', () => {
    expect(s.display(1, 'in.total', '1')).toBe(342_320_000);
    expect(s.display(1, 'out.total', '2')).toBe(342_320_000);
    expect(s.display(6, 'total', '1')).toBe(160_320_000);
    expect(s.display(6, 'total', '2')).toBe(140_880_000);
    expect(s.display(6, 'total', '3')).toBe(19_440_000);
    expect(s.display(6, '301', '1')).toBe(140_350_000);
    expect(s.display(7, 'total', '1')).toBe(72_000_000);
    expect(s.display(10, 'total', '1')).toBe(4_960_000);
    expect(doc.profile.staff.authorized).toBe(8);
  });

  it('is what scripts/make-sample.ts derives from the packet text', () => {
    const r = importPacketText(readFileSync(new URL('../../fixtures/003_d8581a66e967af08.txt', import.meta.url), 'utf8'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const derived = documentSchema.parse(JSON.parse(serializeDocument(deriveSample(r.doc))));
    // The tables and part 1 (the narrative extraction may grow without changing the sample's numbers).
    for (const k of ['department', 'year', 'unit', 'profile', 'functionRows', 'economicRows', 'projectRows', 'carryoverRows', 'fixed'] as const) {
      expect(derived[k], k).toEqual(doc[k]);
    }
  });
});
