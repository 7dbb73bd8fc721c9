import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { adversarialPackets } from './fuzz-adversarial';
import { runFuzzCase } from './fuzz-run';

const text = (id: string) => readFileSync(join(__dirname, '../../fixtures', `${id}.txt`), 'utf8');
const TABBED = text('003_d8581a66e967af08');
const SPACED = text('000_76f4246f7dc2bf91');
const LIMIT_MS = 2000;

describe('adversarial packets: each is imported or refused within 2 s, and what imports can be checked', () => {
  importPacketText(TABBED);
  importPacketText(SPACED);
  for (const a of adversarialPackets(TABBED, SPACED)) {
    it(a.name, () => {
      const r = runFuzzCase(a.text());
      console.log(`${a.name}: ${r.imported ? 'imported' : 'refused'} in ${r.cpuMs.toFixed(0)} ms CPU (${r.wallMs.toFixed(0)} ms wall)`);
      expect(r.problem).toBeUndefined();
      expect(r.cpuMs).toBeLessThan(LIMIT_MS);
    }, 120_000);
  }
});
