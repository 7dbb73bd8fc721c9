import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUT_BOUNDS } from '../../../shared/limits/input-bounds';
import { type BudgetDocument, documentMessageText, loadDocument, MAX_DOCUMENT_CHARS, newDocument, serializeDocument } from '../../../shared/model';
import { makeHandlers, sampleDocText, tempDir } from './helpers';

/** Twelve amounts of table 2 in each row: enough text per row to pass 打开's character bound within its row bound. */
const VALUES = Object.fromEntries(Array.from({ length: 12 }, (_, c) => [`2.${c + 1}`, '0.01']));

/** A document of `n` function rows, each with VALUES. */
function rowsDocument(n: number): BudgetDocument {
  const doc = newDocument('行数测试局', 2024, '万元');
  doc.functionRows = Array.from({ length: n }, (_, i) => ({ code: String(1_000_000 + i), values: { ...VALUES } }));
  return doc;
}

/** Fewest rows whose indented file is over 打开's character bound: just over the limit. */
function rowsJustOverTheLimit(): number {
  const base = serializeDocument(rowsDocument(0)).length;
  const perRow = serializeDocument(rowsDocument(1000)).length - serializeDocument(rowsDocument(999)).length;
  const n = Math.ceil((MAX_DOCUMENT_CHARS - base) / perRow) + 1;
  expect(serializeDocument(rowsDocument(n - 2)).length).toBeLessThanOrEqual(MAX_DOCUMENT_CHARS);
  return n;
}

describe('doc:save: whatever is saved opens again', () => {
  it('a document whose indented file would be just over the open limit is saved compact, and 打开 takes it back', async () => {
    const { h } = await makeHandlers();
    const file = join(await tempDir(), 'big.budget');
    h.paths.grant(file, 'write');
    const n = rowsJustOverTheLimit();
    expect(n).toBeLessThanOrEqual(INPUT_BOUNDS.maxDocumentRows);
    const doc = rowsDocument(n);
    // The form saves used to write: 打开 refuses it (文件过大).
    const indented = serializeDocument(doc);
    expect(indented.length).toBeGreaterThan(MAX_DOCUMENT_CHARS);
    expect(loadDocument(indented)).toEqual({ ok: false, error: '文件过大，不是本程序保存的预算文档' });

    expect(await h['doc:save']({ path: file, docText: documentMessageText(doc) })).toEqual({ ok: true, path: file });
    const written = await fs.readFile(file, 'utf8');
    expect(written).toBe(`${documentMessageText(doc)}\n`);
    expect(written.length).toBeLessThanOrEqual(MAX_DOCUMENT_CHARS);
    expect(Buffer.byteLength(written)).toBeLessThanOrEqual(INPUT_BOUNDS.maxFileBytes);

    const opened = await h['doc:open']({ path: file });
    if (!opened.ok) throw new Error(opened.error);
    const back = loadDocument(opened.docText);
    expect(back.ok && back.doc.functionRows.length).toBe(n);
    expect(back.ok && back.doc.functionRows[n - 1]).toEqual({ code: String(1_000_000 + n - 1), values: VALUES });
  }, 180_000);

  it('a document too large even compact is refused with the reason, and the file saved before is left as it was', async () => {
    const { h } = await makeHandlers();
    const file = join(await tempDir(), 'a.budget');
    h.paths.grant(file, 'write');
    expect((await h['doc:save']({ path: file, docText: sampleDocText('甲局') })).ok).toBe(true);
    const before = await fs.readFile(file, 'utf8');
    // 22 million Chinese characters: within the character bound, but 66 MB of UTF-8, over the 60 MB files 打开 reads.
    const doc = newDocument('甲局', 2024, '万元');
    doc.profile.functions = '职'.repeat(22_000_000);
    const text = documentMessageText(doc);
    expect(text.length).toBeLessThanOrEqual(MAX_DOCUMENT_CHARS);
    expect(Buffer.byteLength(text)).toBeGreaterThan(INPUT_BOUNDS.maxFileBytes);

    const r = await h['doc:save']({ path: file, docText: text });
    expect(r).toEqual({
      ok: false,
      // The compact file's size (the text and its final newline).
      error: `无法保存：文档过大（63 MB，${(text.length + 1).toLocaleString('en-US')} 个字符），超过本程序能再打开的上限（60 MB，41,943,040 个字符），保存后将无法打开，因此未保存。原文件未被改动。`,
    });
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect((await fs.readdir(join(file, '..'))).sort()).toEqual(['a.budget']);
  }, 180_000);
});
