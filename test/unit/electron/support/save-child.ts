// A process that saves one document over and over, as the app does (atomic write with .bak),
// until the test kills it. argv: target, file holding the document text with a `__V__` marker,
// first version number. Each save writes the next version.
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../../electron/files/atomic-write';

async function main(): Promise<void> {
  const [target, basePath, first] = process.argv.slice(2) as [string, string, string];
  const base = readFileSync(basePath, 'utf8');
  process.send?.('ready');
  for (let v = Number(first); ; v++) await writeFileAtomic(target, base.replace('__V__', String(v)), { backup: true });
}

void main();
