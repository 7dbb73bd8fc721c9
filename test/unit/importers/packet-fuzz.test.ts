import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { mutate } from './fuzz-mutate';
import { runFuzzCase } from './fuzz-run';

const IDS = ['000_76f4246f7dc2bf91', '003_d8581a66e967af08', '004_b7e4b340c6b3bf95'];
const TEXTS = IDS.map((id) => readFileSync(join(__dirname, '../../fixtures', `${id}.txt`), 'utf8'));
/** 200 in `npm test`; FUZZ_FULL=1 runs the full 2,000. */
const COPIES = process.env.FUZZ_FULL ? 2000 : 200;
const LIMIT_MS = 2000;

describe('fuzz: mutated packets never crash or hang the importer', () => {
  it(`${COPIES} copies (lines dropped, duplicated, swapped, junk inserted, digits changed, characters flipped, truncated)`, () => {
    for (const t of TEXTS) importPacketText(t); // compiled before anything is timed
    let imported = 0;
    let refused = 0;
    let slowest = { cpuMs: 0, wallMs: 0, at: '' };
    const problems: string[] = [];
    for (let i = 0; i < COPIES; i++) {
      const m = mutate(TEXTS[i % TEXTS.length]!, 1000 + i);
      const r = runFuzzCase(m.text);
      if (r.problem) problems.push(`#${i} ${m.kind}: ${r.problem}`);
      if (r.cpuMs > LIMIT_MS) problems.push(`#${i} ${m.kind}: ${r.cpuMs.toFixed(0)} ms`);
      if (r.cpuMs > slowest.cpuMs) slowest = { cpuMs: r.cpuMs, wallMs: r.wallMs, at: `#${i} ${m.kind}` };
      if (r.imported) imported++;
      else refused++;
    }
    console.log(`fuzz ${COPIES}: ${imported} imported, ${refused} refused; slowest ${slowest.at} ${slowest.cpuMs.toFixed(0)} ms CPU (${slowest.wallMs.toFixed(0)} ms wall)`);
    expect(problems).toEqual([]);
    expect(imported + refused).toBe(COPIES);
    // Both outcomes occur: most copies still import (with warnings), cut or mangled ones are refused.
    expect(imported).toBeGreaterThan(COPIES / 2);
    expect(refused).toBeGreaterThan(COPIES / 40);
  }, 1_800_000);
});
