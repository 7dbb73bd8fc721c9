import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetSession } from '../../../shared/engine/session';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { packetNarrativeFindings } from '../../../shared/importers/packet/narrative-audit';
import { validateDocument } from '../../../shared/model';
import { checkFindings } from '../../../shared/rules/all-findings';
import { generateNarrative } from '../../../shared/narrative/generate';
import { nextYearDocument } from '../../../shared/next-year/next-year';
import { mutate } from './fuzz-mutate';

const IDS = ['000_76f4246f7dc2bf91', '003_d8581a66e967af08', '004_b7e4b340c6b3bf95'];
const TEXTS = IDS.map((id) => readFileSync(join(__dirname, '../../fixtures', `${id}.txt`), 'utf8'));
const COPIES = 2000;

describe('fuzz: mutated packets never crash or hang the importer', () => {
  it(`${COPIES} copies (lines dropped, duplicated, swapped, digits changed, characters flipped, truncated)`, () => {
    let imported = 0;
    let refused = 0;
    let slowest = 0;
    const problems: string[] = [];
    for (let i = 0; i < COPIES; i++) {
      const m = mutate(TEXTS[i % TEXTS.length]!, 1000 + i);
      try {
        const t0 = performance.now();
        const r = importPacketText(m.text);
        const ms = performance.now() - t0;
        slowest = Math.max(slowest, ms);
        if (ms > 1000) problems.push(`#${i} ${m.kind}: ${ms.toFixed(0)} ms`);
        if (r.ok) {
          // A valid document the rest of the app can open and check.
          const v = validateDocument(JSON.parse(JSON.stringify(r.doc)));
          if (!v.ok) problems.push(`#${i} ${m.kind}: invalid document: ${v.error}`);
          // …and everything the app does next with it: check, narrative, audit, next year.
          const session = BudgetSession.open(r.doc);
          session.findings();
          generateNarrative(session);
          packetNarrativeFindings(session);
          checkFindings(session);
          nextYearDocument(r.doc);
          imported++;
        } else {
          if (!/[\u4e00-\u9fff]/.test(r.error)) problems.push(`#${i} ${m.kind}: refusal without a Chinese reason`);
          refused++;
        }
      } catch (e) {
        problems.push(`#${i} ${m.kind}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(imported + refused).toBe(COPIES);
    // Both outcomes occur: most copies still import (with warnings), cut or mangled ones are refused.
    expect(imported).toBeGreaterThan(COPIES / 2);
    expect(refused).toBeGreaterThan(50);
    expect(slowest).toBeLessThan(1000);
  }, 600_000);
});
