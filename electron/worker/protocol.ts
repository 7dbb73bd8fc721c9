import type { JobStage } from '../../shared/ipc/contract';

/**
 * What main and the worker say to each other. A worker runs exactly one job: the request comes
 * in `workerData`, the worker answers with progress messages and then one `done` or `failed`.
 */
export type JobRequest =
  /** Read a packet (.txt/.pdf) or a workbook (.xlsx) into a document; audit a packet's 第三部分. */
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
  request: JobRequest;
  /** From source (tests, dev): the TypeScript entry the boot script loads through tsx. */
  entry?: string;
}

export type WorkerMessage =
  | { type: 'progress'; stage: JobStage; fraction: number }
  | { type: 'done'; output: JobOutputs[JobKind] }
  /** `code`: the file-system error code, so main words it like any other file error. */
  | { type: 'failed'; error: string; code?: string };
