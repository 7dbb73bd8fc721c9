import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where tests write screenshots and other by-products: under test/artifacts/tmp/ (git-ignored),
 * so a test run never dirties the tree. Reference images committed on purpose live beside it
 * (test/artifacts/excel/, test/artifacts/packet/) and are made by their scripts, not by tests.
 */
export function artifactDir(name: string): string {
  const dir = join(resolve(import.meta.dirname, '../../..'), 'test', 'artifacts', 'tmp', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
