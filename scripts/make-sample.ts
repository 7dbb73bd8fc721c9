/**
 * Regenerates shared/samples/sample-department.json (the app's built-in 示例 department) from the
 * 003 packet: `npx tsx scripts/make-sample.ts`. test/unit/renderer/sample.test.ts checks it stays in sync.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { importPacketText } from '../shared/importers/packet/import-text';
import { serializeDocument } from '../shared/model';
import { deriveSample } from '../shared/samples/derive-sample';

const text = readFileSync(new URL('../test/fixtures/003_d8581a66e967af08.txt', import.meta.url), 'utf8');
const r = importPacketText(text);
if (!r.ok) throw new Error(r.error);
writeFileSync(new URL('../shared/samples/sample-department.json', import.meta.url), serializeDocument(deriveSample(r.doc)));
console.log('wrote shared/samples/sample-department.json');
