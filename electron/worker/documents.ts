import { createHash } from 'node:crypto';
import { formatOf } from '../../shared/formats/registry';
import { type BudgetDocument, documentMessageText, loadDocument } from '../../shared/model';
import { readDocumentText } from '../files/read-text';
import { RecoveryStore, recoveryFileText } from '../recovery/store';
import { documentFileText } from './document-file';
import type { DocReplies, DocReply, DocRequest, DocSummary, RecoveryDraft } from './protocol';

/**
 * What main asks of a document, done in the documents thread (doc-service.ts): parsing and
 * validating a 100,000-item document took 0.5–0.9 s, and main's thread is the app's UI thread
 * (its window, menus and IPC wait while it is busy). Plain data in, plain data out.
 */
export async function serveDocument<R extends DocRequest>(req: R): Promise<DocReplies[R['op']]> {
  return (await serve(req)) as DocReplies[R['op']];
}

async function serve(req: DocRequest): Promise<DocReplies[keyof DocReplies]> {
  if (req.op === 'recoveryList') return new RecoveryStore(req.userDataDir).list();
  if (req.op === 'recoveryRead') return recoveryDraft(req.userDataDir, req.key);
  let text: string;
  if (req.op === 'read') {
    const read = await readDocumentText(req.path);
    if (!read.ok) return { ok: false, stage: 'read', error: read.error };
    text = read.text;
  } else text = req.text;
  const r = loadDocument(text);
  if (!r.ok) return { ok: false, stage: 'load', error: r.error };
  const reply: DocReply = { ok: true, summary: summaryOf(r.doc) };
  // doc:open and recovery:restore hand the window main's own current-version text.
  if (req.op === 'read' || req.message) reply.messageText = documentMessageText(r.doc);
  // doc:save writes the file's text, doc:autosave the recovery file's: as UTF-8 bytes, moved to main without a copy.
  // Their SHA-256 too: main's file queue joins a save identical to the one before it by it.
  let file: string | undefined;
  if (req.op === 'check' && req.file) {
    const f = documentFileText(r.doc);
    if (!f.ok) return { ok: false, stage: 'size', error: f.error };
    file = f.text;
  } else if (req.op === 'check' && req.recovery) file = recoveryFileText({ ...req.recovery, department: r.doc.department, year: r.doc.year }, req.text);
  if (file !== undefined) {
    reply.fileBytes = new TextEncoder().encode(file);
    reply.fileSha256 = createHash('sha256').update(reply.fileBytes).digest('hex');
  }
  return reply;
}

/** What main words its dialogs and messages with: the default file name and the tables' names. */
function summaryOf(doc: BudgetDocument): DocSummary {
  return {
    department: doc.department,
    year: doc.year,
    tables: (formatOf(doc)?.tables ?? []).map((t) => ({ no: t.no, title: t.title })),
  };
}

/** A draft autosave kept, validated as 打开 validates a file. */
async function recoveryDraft(userDataDir: string, key: string): Promise<RecoveryDraft> {
  const f = await new RecoveryStore(userDataDir).read(key);
  if (!f) return { ok: false, stage: 'read', error: '找不到这份恢复副本（可能已被删除或损坏）' };
  const r = loadDocument(f.docText);
  if (!r.ok) return { ok: false, stage: 'load', error: r.error };
  return { ok: true, messageText: documentMessageText(r.doc), ...(f.path === undefined ? {} : { path: f.path }) };
}
