import { readFileSync } from 'node:fs';
import { importPacketText } from '../../../shared/importers/packet/import-text';
import { BudgetSession } from '../../../shared/engine/session';
import { generateNarrative } from '../../../shared/narrative/generate';
import { paragraphText } from '../../../shared/narrative/types';
import { numberSequence, publishedSections } from './published-fixtures';
const text = readFileSync('test/fixtures/000_76f4246f7dc2bf91.txt', 'utf8');
const r = importPacketText(text);
if (!r.ok) throw new Error(r.error);
const n = generateNarrative(BudgetSession.open(r.doc));
const pub = publishedSections(text);
console.log('sections', pub.length, 'missing', n.missing.map((m) => m.field).join(' '));
n.sections.forEach((s, i) => {
  const a = numberSequence(s.paragraphs.map((p) => paragraphText(p.runs)).join('\n'));
  const b = numberSequence((pub[i] ?? '').replace(/^[^\n]*\n/, ''));
  const same = JSON.stringify(a) === JSON.stringify(b);
  console.log(s.numeral, same ? 'OK' : 'DIFF', a.length, b.length);
  if (!same) { for (let k = 0; k < Math.max(a.length, b.length); k++) if (a[k] !== b[k]) console.log('   ', k, 'gen', a[k], 'pub', b[k]); }
});
