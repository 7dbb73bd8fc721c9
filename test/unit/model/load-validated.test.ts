import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument, loadValidatedDocument, serializeDocument } from '../../../shared/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';

const fixture = (f: string) => readFileSync(join(__dirname, '../../fixtures', f), 'utf8');

/** What main's doc:open sends: the file read, validated and serialised again. */
function sentByMain(text: string): string {
  const r = loadDocument(text);
  if (!r.ok) throw new Error(r.error);
  return serializeDocument(r.doc);
}

describe('loadValidatedDocument: the window trusts only main’s current-version output', () => {
  it('gives exactly the document the full validation gives, for main’s output of real and synthetic documents', () => {
    for (const text of [fixture('000.budget.json'), fixture('003.budget.json'), fixture('004.budget.json'), serializeDocument(syntheticDocument(500))]) {
      const sent = sentByMain(text);
      const fast = loadValidatedDocument(sent);
      const full = loadDocument(sent);
      expect(fast.ok && full.ok).toBe(true);
      if (fast.ok && full.ok) expect(fast.doc).toEqual(full.doc);
      // Verbatim: the text is the document as it stands, and the window may hand it on (the text worker) in its place.
      expect(fast.ok && fast.verbatim).toBe(true);
      expect(full.ok && full.verbatim).toBeUndefined();
    }
  });

  it('anything else goes the full way: not JSON, not a document, an older version, a carried format', () => {
    expect(loadValidatedDocument('{"format":')).toEqual(loadDocument('{"format":'));
    expect(loadValidatedDocument('[1]')).toEqual(loadDocument('[1]'));
    const doc = JSON.parse(sentByMain(fixture('003.budget.json'))) as Record<string, unknown>;
    const older = JSON.stringify({ ...doc, version: 1 });
    expect(loadValidatedDocument(older)).toEqual(loadDocument(older));
    const carried = JSON.stringify({ ...doc, customFormat: { id: 'x' } });
    const r = loadValidatedDocument(carried);
    expect(r.ok).toBe(false);
    expect(r).toEqual(loadDocument(carried));
  });
});
