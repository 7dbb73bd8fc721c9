import { z } from 'zod';
import type { FormatTemplate } from '../templates/types';

/**
 * The one IPC surface between the renderer and the main process, declared once.
 * Preload exposes exactly these invoke channels as `window.desk`; main validates every
 * request with the schema below before use; e2e tests bridge the same handlers into Chromium.
 * Documents cross the bridge as JSON text so main validates them with the document loader.
 */
const path = z.string().min(1).max(4096);
const docText = z.string().max(64 * 1024 * 1024);

export const requestSchemas = {
  /** Open a document: a path, or none to ask with a dialog. */
  'doc:open': z.object({ path: path.optional() }),
  /** Save to `path` (or ask when absent / save-as). */
  'doc:save': z.object({ path: path.optional(), saveAs: z.boolean().optional(), docText }),
  /** Keep a recovery copy of a dirty document (every 30 s). */
  'doc:autosave': z.object({ key: z.string().min(1).max(200), path: path.optional(), docText }),
  /** The document was saved or closed: its recovery copy can go. */
  'recovery:discard': z.object({ key: z.string().min(1).max(200) }),
  'recovery:list': z.object({}),
  'recovery:restore': z.object({ key: z.string().min(1).max(200) }),
  /** Import a published packet (.txt / .pdf) or a workbook (.xlsx); a path or a dialog. */
  'import:file': z.object({ path: path.optional() }),
  /** Import a code list (CSV / XLSX with code and name columns). */
  'import:codeList': z.object({ path: path.optional() }),
  /** Read a format file (JSON, shared/formats) to lay the open document out in. */
  'format:open': z.object({ path: path.optional() }),
  /** `formulas`: totals as SUM formulas with cached results; `table`: only that table (导出当前表为 Excel). */
  'export:xlsx': z.object({
    path: path.optional(),
    docText,
    findingsSheet: z.boolean().optional(),
    formulas: z.boolean().optional(),
    table: z.number().int().min(1).max(99).optional(),
  }),
  /** Print the document's packet to PDF (laid out off the main thread, then printed by main); `table`: only that table (打印当前表). */
  'packet:pdf': z.object({ path: path.optional(), docText, table: z.number().int().min(1).max(99).optional() }),
  /** Stop a running import/export/print job (its id comes with its progress events). */
  'job:cancel': z.object({ jobId: z.string().min(1).max(100) }),
  'window:state': z.object({ fileName: z.string().max(4096).optional(), dirty: z.boolean() }),
  'shell:openExternal': z.object({ url: z.string().url().max(2048) }),
  'settings:get': z.object({}),
  'settings:set': z.object({
    defaultUnit: z.enum(['万元', '元']).optional(),
    lastFolder: path.optional(),
  }),
  'app:info': z.object({}),
} as const;

export type Channel = keyof typeof requestSchemas;
export type Request<C extends Channel> = z.infer<(typeof requestSchemas)[C]>;

export type Failure = { ok: false; error: string; canceled?: boolean };
export type Ok<T> = { ok: true } & T;
export type Result<T> = Ok<T> | Failure;

export interface RecoveryEntry {
  key: string;
  path?: string;
  savedAt: string;
  department: string;
  year: number;
}

export interface Settings {
  recentFiles: string[];
  defaultUnit: '万元' | '元';
  /** Code lists imported on this machine: new documents start with them. */
  codeLists?: { function?: Array<{ code: string; name: string }>; economic?: Array<{ code: string; name: string }> };
  lastFolder?: string;
  windowBounds?: { width: number; height: number; x?: number; y?: number };
}

export interface Responses {
  'doc:open': Result<{ path: string; docText: string }>;
  'doc:save': Result<{ path: string }>;
  'doc:autosave': Result<{ savedAt: string }>;
  'recovery:discard': Result<object>;
  'recovery:list': Result<{ entries: RecoveryEntry[] }>;
  'recovery:restore': Result<{ docText: string; path?: string }>;
  /** `audit`: an imported packet's printed text checked against its own tables and itself (as `check` does), one line per finding. */
  'import:file': Result<{ path: string; docText: string; warnings: string[]; summary: string; audit: string[] }>;
  'import:codeList': Result<{ path: string; kind: 'function' | 'economic'; entries: Array<{ code: string; name: string }> }>;
  'format:open': Result<{ path: string; format: FormatTemplate }>;
  'export:xlsx': Result<{ path: string }>;
  'packet:pdf': Result<{ path: string }>;
  /** `canceled`: false when no such job is running (it had already finished). */
  'job:cancel': Result<{ canceled: boolean }>;
  'window:state': Result<object>;
  'shell:openExternal': Result<{ opened: boolean }>;
  'settings:get': Result<{ settings: Settings }>;
  'settings:set': Result<{ settings: Settings }>;
  'app:info': Result<{ version: string; licenses: Array<{ name: string; version: string; license: string }> }>;
}

/** Commands the application menu sends to the renderer. */
export const MENU_COMMANDS = [
  'file:new',
  'file:open',
  'file:save',
  'file:saveAs',
  'file:import',
  'file:importCodeList',
  'file:importFormat',
  'file:exportXlsx',
  'file:print',
  'file:printTable',
  'file:exportTableXlsx',
  'file:nextYear',
  'file:newFinalAccounts',
  'edit:undo',
  'edit:redo',
  'edit:copy',
  'edit:paste',
  'edit:find',
  'edit:replace',
  'view:zoomIn',
  'view:zoomOut',
  'view:zoomReset',
  'view:toggleNav',
  'help:guide',
  'help:about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Steps of a long job, as the progress panel names them. */
export const JOB_STAGES = {
  read: '读取文件…',
  recognize: '识别表格…',
  audit: '核对说明…',
  layout: '排版…',
  export: '导出…',
  print: '生成 PDF…',
  write: '写入文件…',
} as const;
export type JobStage = keyof typeof JOB_STAGES;

/** Main → renderer while a job runs in the worker; the last event of a job has `done`. */
export interface JobProgress {
  jobId: string;
  /** What runs, e.g. 导入“2024年部门预算.pdf”. */
  title: string;
  stage: JobStage;
  /** 0–1, of the whole job. */
  fraction: number;
  done?: boolean;
}

/** A file opened from outside the renderer (command line, file association, second launch, recent files). */
export interface OpenedFile {
  path: string;
  docText: string;
  imported?: boolean;
  warnings?: string[];
  summary?: string;
  audit?: string[];
}

/** What preload exposes as `window.desk`. */
export interface DeskApi {
  invoke<C extends Channel>(channel: C, request: Request<C>): Promise<Responses[C]>;
  /** Menu commands and files opened from outside (second launch, file association). */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** `imported`: the file was a packet/workbook read into a new, unsaved document (do not save over `path`). */
  onOpenFile(listener: (file: OpenedFile) => void): () => void;
  /** Progress of import/export/print jobs (cancel one with `job:cancel`). */
  onJobProgress(listener: (progress: JobProgress) => void): () => void;
  /** Main asks before closing with unsaved changes; the renderer answers through `window:state`. */
}

export const MENU_CHANNEL = 'desk:menu';
export const OPEN_FILE_CHANNEL = 'desk:open-file';
export const JOB_PROGRESS_CHANNEL = 'desk:job-progress';

/** Validate a request in main; a bad payload is refused with a Chinese message. */
export function validateRequest<C extends Channel>(channel: C, payload: unknown): { ok: true; value: Request<C> } | Failure {
  const schema = requestSchemas[channel];
  if (!schema) return { ok: false, error: `未知的请求“${String(channel)}”` };
  const r = schema.safeParse(payload);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, error: `请求“${channel}”的内容无效：${issue ? `${issue.path.join('.') || '内容'} ${issue.message}` : ''}` };
  }
  return { ok: true, value: r.data as Request<C> };
}

export function isChannel(x: unknown): x is Channel {
  return typeof x === 'string' && Object.hasOwn(requestSchemas, x);
}
