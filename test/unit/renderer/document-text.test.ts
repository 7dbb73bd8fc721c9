import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentText, documentTextInSlices } from '../../../renderer/state/document-text';
import { type BudgetDocument, documentMessageText, loadDocument, newDocument, serializeDocument } from '../../../shared/model';
import { syntheticDocument } from '../../../shared/samples/synthetic';

/** The window's `docText` (written in parts for Chromium's sake) is the document, as main reads it. */
const fixture = (name: string): BudgetDocument => {
  const r = loadDocument(readFileSync(join(import.meta.dirname, '../../fixtures', name), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.doc;
};

describe('documentText (the window → main docText)', () => {
  it('is the JSON of the document: the same value as documentMessageText, and main saves the same file from it', () => {
    const docs = [fixture('003.budget.json'), fixture('004.budget.json'), syntheticDocument(2_000), newDocument('某局', 2025, '万元')];
    // Entered cells of a fixed table and names by code: the two parts written apart.
    docs[3]!.fixed = { '1': { 'income.general': { '1': '12.34' } } };
    docs[3]!.names = { '2010101': '行政运行', '201': '一般公共服务支出' };
    for (const doc of docs) {
      const text = documentText(doc);
      expect(JSON.parse(text)).toEqual(JSON.parse(documentMessageText(doc)));
      const r = loadDocument(text);
      if (!r.ok) throw new Error(r.error);
      expect(serializeDocument(r.doc)).toBe(serializeDocument(doc));
    }
  });

  it('leaves out what the document does not have, and is valid JSON however little it has', () => {
    const bare = { department: '某局' } as unknown as BudgetDocument;
    expect(documentText(bare)).toBe('{"department":"某局"}');
    expect(documentText({} as BudgetDocument)).toBe('{}');
    expect(JSON.parse(documentText({ names: { '1': 'a' } } as unknown as BudgetDocument))).toEqual({ names: { '1': 'a' } });
  });

  it('in slices (自动保存): the same document, a task per 2,000 rows; given up (null) when it changes before it is done', async () => {
    const docs = [fixture('004.budget.json'), syntheticDocument(5_000), newDocument('某局', 2025, '万元')];
    docs[2]!.names = { '2010101': '行政运行' };
    for (const doc of docs) {
      let pauses = 0;
      const text = await documentTextInSlices(doc, () => true, async () => {
        pauses++;
      });
      expect(text).not.toBeNull();
      expect(JSON.parse(text!)).toEqual(JSON.parse(documentText(doc)));
      const r = loadDocument(text!);
      if (!r.ok) throw new Error(r.error);
      expect(serializeDocument(r.doc)).toBe(serializeDocument(doc));
      // A task per slice of 2,000 rows of each row array: never the whole document in one.
      const slices = [doc.functionRows, doc.economicRows, doc.projectRows, doc.carryoverRows].reduce((n, rows) => n + Math.ceil(rows.length / 2000), 0);
      expect(pauses).toBe(slices);
    }
    // The real pause (the next task), and a change after the first slice: nothing written.
    const doc = syntheticDocument(5_000);
    expect(doc.projectRows.length).toBeGreaterThan(2000);
    let asked = 0;
    expect(await documentTextInSlices(doc, () => ++asked < 2)).toBeNull();
    expect(asked).toBe(2);
  });
});
