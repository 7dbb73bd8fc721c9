import type { JobStage, RecoveryEntry } from '../../shared/ipc/contract';

/**
 * What main and the worker say to each other. A worker runs exactly one job: the request comes
 * in `workerData`, the worker answers with progress messages and then one `done` or `failed`.
 */
export type JobRequest =
  /** Read a packet (.txt/.pdf/.docx) or a workbook (.xlsx) into a document; audit a packet's 第三部分. */
  | { kind: 'import'; path: string }
  /** The official .xlsx of a document. */
  | { kind: 'exportXlsx'; docText: string; findingsSheet?: boolean; formulas?: boolean; tables?: number[] }
  /** The printable packet HTML of a document (printToPDF itself stays in main). */
  | { kind: 'packetHtml'; docText: string; table?: number };

export type JobKind = JobRequest['kind'];

export interface JobOutputs {
  import: { docText: string; warnings: string[]; summary: string; audit: string[] };
  exportXlsx: { bytes: Uint8Array };
  packetHtml: { html: string };
}

export interface WorkerInput {
  /** The one job of a job worker; absent in the documents thread, which serves `DocRequest`s. */
  request?: JobRequest;
  /** From source (tests, dev): the TypeScript entry the boot script loads through tsx. */
  entry?: string;
}

export type WorkerMessage =
  | { type: 'progress'; stage: JobStage; fraction: number }
  | { type: 'done'; output: JobOutputs[JobKind] }
  /** `code`: the file-system error code, so main words it like any other file error. */
  | { type: 'failed'; error: string; code?: string };

/**
 * What main asks the documents thread (doc-service.ts): `read` a document file (doc:open), or
 * `check` a document the window sent, with its current-version text (`message`: recovery) or
 * the text of its file (`file`: doc:save) or of its recovery file with this entry (`recovery`:
 * doc:autosave; the department and year are the document's); list the drafts autosave kept
 * (`recoveryList`, at start) or read one back (`recoveryRead`): whole documents, each.
 */
export type DocRequest =
  | { op: 'read'; path: string }
  | { op: 'check'; text: string; message?: boolean; file?: boolean; recovery?: Omit<RecoveryEntry, 'department' | 'year'> }
  | { op: 'recoveryList'; userDataDir: string }
  | { op: 'recoveryRead'; userDataDir: string; key: string };

/** The answer to each kind of request. */
export interface DocReplies {
  read: DocReply;
  check: DocReply;
  recoveryList: RecoveryEntry[];
  recoveryRead: RecoveryDraft;
}

/** A draft read back: its document's current-version text and the path kept with it; or none (`stage` 'read') or damaged ('load'). */
export type RecoveryDraft = { ok: true; messageText: string; path?: string } | { ok: false; stage: 'read' | 'load'; error: string };

/** Of a valid document, what main's dialogs and messages need. */
export interface DocSummary {
  department: string;
  year: number;
  tables: Array<{ no: number; title: string }>;
}

/**
 * `stage`: whether reading the file failed (a file error, worded), the document is invalid (the
 * loader's reason) or it is valid but too large for a file 打开 would take back (`size`: doc:save).
 */
export type DocReply =
  | { ok: true; summary: DocSummary; messageText?: string; fileBytes?: Uint8Array; fileSha256?: string }
  | { ok: false; stage: 'read' | 'load' | 'size'; error: string };

/** Main → documents thread, and its answer to request `id`. */
export interface DocCall {
  id: number;
  req: DocRequest;
}
export type DocAnswer = { id: number; reply: DocReplies[keyof DocReplies] } | { id: number; error: string };
