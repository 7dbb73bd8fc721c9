import { basename, dirname, extname, join } from 'node:path';
import { type Channel, type Failure, type Request, type Responses, validateRequest } from '../../shared/ipc/contract';
import { writeFileAtomic, writeFileAtomicWhenReady } from '../files/atomic-write';
import { readFormatFile } from '../formats/read-format-file';
import { describeFsError } from '../files/errors';
import { CODE_LIST_EXTS, DOC_EXT, DOC_FILTERS, fileKind, IMPORT_FILTERS, withExtension } from '../files/kinds';
import { checkRegularFile } from '../files/regular-file';
import { cleanStaleTemps } from '../files/stale-temps';
import { RecoveryStore } from '../recovery/store';
import { ChosenPaths } from '../security/chosen-paths';
import { externalWebUrl } from '../security/policy';
import { SettingsStore } from '../settings/store';
import { type DocService, sharedDocService } from '../worker/doc-service';
import type { DocReplies, DocReply, DocRequest, DocSummary, JobOutputs } from '../worker/protocol';
import { JobRunner, JobStopped } from '../worker/runner';
import type { FileServices, HandlerDeps } from './deps';
import { defaultServices } from './services';

/** One plain async function per IPC channel; the payload is untrusted and validated first. */
export type Handlers = { [C in Channel]: (payload: unknown) => Promise<Responses[C]> };
type Impl = { [C in Channel]: (request: Request<C>) => Promise<Responses[C]> };

const fail = (error: string): Failure => ({ ok: false, error });
const canceled = (): Failure => ({ ok: false, error: '已取消', canceled: true });
const notSupported = (what: string): Failure => fail(`${what}尚未支持：此功能还在开发中`);
/** A path the renderer sent that the user never chose: refused before any file is touched. */
const notChosen = (action: string, path: string): Failure =>
  fail(`无法${action}“${basename(path)}”：只能${action}您在本次运行中选择或打开的文件（请用“打开”或“另存为”选择文件）`);

type Checked = Extract<DocReply, { ok: true }>;

/**
 * Validate a document the renderer sent, in the documents thread (main's own thread stays free);
 * refuse to write anything that would not load again.
 */
async function checkDoc(docs: DocService, docText: string, action: string, want: Omit<Extract<DocRequest, { op: 'check' }>, 'op' | 'text'> = {}): Promise<Checked | Failure> {
  const asked = await ask(docs, { op: 'check', text: docText, ...want }, `无法${action}`);
  if (!asked.ok) return asked;
  const r = asked.reply;
  if (r.ok) return r;
  // Too large to open again: the window keeps the document, unsaved; no file is touched.
  return fail(r.stage === 'size' ? `无法${action}：${r.error}。原文件未被改动。` : `无法${action}：文档内容无效（${r.error}）`);
}

/** A request to the documents thread; a thread that failed (died, out of memory or time) as a failure headed `failed`. */
async function ask<R extends DocRequest>(docs: DocService, req: R, failed: string): Promise<{ ok: true; reply: DocReplies[R['op']] } | Failure> {
  try {
    return { ok: true, reply: await docs.request(req) };
  } catch (e) {
    return fail(`${failed}：${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The file a check made (doc:save, doc:autosave), for the write queued before it was ready; undefined when refused. */
function fileOf(checked: Promise<Checked | Failure>): Promise<{ bytes: Uint8Array; sha256: string } | undefined> {
  return checked.then((r) => (r.ok && r.fileBytes && r.fileSha256 ? { bytes: r.fileBytes, sha256: r.fileSha256 } : undefined));
}

function defaultName(doc: DocSummary, suffix: string): string {
  return `${doc.department}${doc.year}年${suffix}`.replace(/[\\/:*?"<>|]/g, '_');
}

/** `表2 部门收入总体情况表` of the document's format, for 打印/导出当前表; a failure when the format has no such table. */
function tableName(doc: DocSummary, no: number, action: string): { ok: true; name: string } | Failure {
  const t = doc.tables.find((x) => x.no === no);
  return t ? { ok: true, name: `表${no} ${t.title}` } : fail(`无法${action}：此文档的表格格式中没有表${no}`);
}

export function createHandlers(deps: HandlerDeps): Handlers & { settings: SettingsStore; recovery: RecoveryStore; paths: ChosenPaths } {
  const now = deps.now ?? (() => new Date());
  const paths = deps.chosenPaths ?? new ChosenPaths();
  const settings = new SettingsStore(deps.userDataDir, deps.fileOps);
  const recovery = new RecoveryStore(deps.userDataDir, deps.fileOps);
  const services: FileServices = { ...defaultServices, ...deps.services };
  // Import, export and print layout run in a worker thread: the window never freezes on a file.
  const jobs = deps.jobs ?? new JobRunner(deps.onJobProgress ? { onProgress: deps.onJobProgress } : {});
  // Documents are parsed, validated and written out in a thread of their own, for the same reason.
  const docs = deps.docs ?? sharedDocService();
  const atomic = (path: string, data: string | Uint8Array, backup: boolean) =>
    writeFileAtomic(path, data, { backup, ...(deps.fileOps ? { ops: deps.fileOps } : {}) });
  const atomicWhenReady = (path: string, ready: Promise<{ bytes: Uint8Array; sha256: string } | undefined>, backup: boolean) =>
    writeFileAtomicWhenReady(path, ready, { backup, ...(deps.fileOps ? { ops: deps.fileOps } : {}) });

  /** Settings are a convenience: failing to persist them never fails the user's action. */
  const remember = async (path: string, recent: boolean) => {
    await settings
      .update((s) => {
        s.lastFolder = dirname(path);
        if (recent) s.recentFiles = [path, ...s.recentFiles.filter((f) => f !== path)];
      })
      .catch(() => {});
  };
  const folder = async () => (await settings.get()).lastFolder;
  const inFolder = async (name: string) => {
    const f = await folder();
    return f ? join(f, name) : name;
  };

  const impl: Impl = {
    async 'doc:open'(req) {
      if (req.path !== undefined && !paths.mayRead(req.path)) return notChosen('打开', req.path);
      const path = req.path ?? (await deps.dialogs.open({ title: '打开预算文档', filters: DOC_FILTERS, ...defaultPathOf(await folder()) }));
      if (!path) return canceled();
      // A document the user opened is one they may save back to.
      if (req.path === undefined) paths.grant(path, 'write');
      const asked = await ask(docs, { op: 'read', path }, `无法打开“${basename(path)}”`);
      if (!asked.ok) return asked;
      const r = asked.reply;
      if (!r.ok) return fail(r.stage === 'read' ? r.error : `无法打开“${basename(path)}”：${r.error}`);
      // Temps a crashed save left beside documents go when a document of that folder is opened.
      await cleanStaleTemps(dirname(path));
      await remember(path, true);
      return { ok: true, path, docText: r.messageText! };
    },

    async 'doc:save'(req) {
      let path = req.saveAs ? undefined : req.path;
      if (path !== undefined && !paths.mayWrite(path)) return notChosen('保存到', path);
      const checked = checkDoc(docs, req.docText, '保存', { file: true });
      if (!path) {
        const parsed = await checked;
        if (!parsed.ok) return parsed;
        const suggested = req.path ?? (await inFolder(`${defaultName(parsed.summary, '部门预算')}.${DOC_EXT}`));
        const chosen = await deps.dialogs.save({ title: req.saveAs ? '另存为' : '保存预算文档', defaultPath: suggested, filters: DOC_FILTERS });
        if (!chosen) return canceled();
        path = withExtension(chosen, DOC_EXT);
        paths.grant(path, 'write');
      }
      // Its place in the file's queue is taken now, while the text is still being checked: saves
      // land in the order they were asked for.
      const written = atomicWhenReady(path, fileOf(checked), true);
      const parsed = await checked;
      if (!parsed.ok) return parsed;
      try {
        await written;
      } catch (e) {
        return fail(`${describeFsError(e, '保存', path)}。原文件未被改动。`);
      }
      await remember(path, true);
      return { ok: true, path };
    },

    async 'doc:autosave'(req) {
      const savedAt = now().toISOString();
      // Only a path the user chose is kept with the draft: restoring it grants that path again.
      const keptPath = req.path !== undefined && paths.mayWrite(req.path) ? req.path : undefined;
      // The recovery file is made with the check, in the documents thread; its write is queued
      // now, so a discard asked for after this autosave (保存) comes after it.
      const checked = checkDoc(docs, req.docText, '自动保存', { recovery: { key: req.key, savedAt, ...optionalPath(keptPath) } });
      const written = recovery.writeWhenReady(req.key, fileOf(checked));
      const parsed = await checked;
      if (!parsed.ok) return parsed;
      try {
        await written;
      } catch (e) {
        return fail(describeFsError(e, '自动保存恢复副本', recovery.fileFor(req.key)));
      }
      return { ok: true, savedAt };
    },

    async 'recovery:discard'(req) {
      try {
        await recovery.discard(req.key);
      } catch (e) {
        return fail(describeFsError(e, '删除恢复副本', recovery.fileFor(req.key)));
      }
      return { ok: true };
    },

    async 'recovery:list'() {
      await cleanStaleTemps(recovery.dir);
      // Each draft is a whole document: read in the documents thread.
      const asked = await ask(docs, { op: 'recoveryList', userDataDir: deps.userDataDir }, '无法列出恢复副本');
      return asked.ok ? { ok: true, entries: asked.reply } : asked;
    },

    async 'recovery:restore'(req) {
      const asked = await ask(docs, { op: 'recoveryRead', userDataDir: deps.userDataDir, key: req.key }, '无法恢复');
      if (!asked.ok) return asked;
      const r = asked.reply;
      if (!r.ok) return fail(r.stage === 'read' ? r.error : `恢复副本已损坏，无法恢复：${r.error}`);
      if (r.path !== undefined) paths.grant(r.path, 'write');
      return { ok: true, docText: r.messageText, ...optionalPath(r.path) };
    },

    async 'import:file'(req) {
      if (req.path !== undefined && !paths.mayRead(req.path)) return notChosen('导入', req.path);
      const path = req.path ?? (await deps.dialogs.open({ title: '导入公开文件或工作簿', filters: IMPORT_FILTERS, ...defaultPathOf(await folder()) }));
      if (!path) return canceled();
      paths.grant(path, 'read');
      if (fileKind(path) === 'document') return fail(`无法导入“${basename(path)}”：只能导入公开文件（.txt、.pdf、.docx）或 Excel 工作簿（.xlsx）；预算文档请用“打开”`);
      let r: JobOutputs['import'];
      try {
        await checkRegularFile(path);
        r = await jobs.run({ kind: 'import', path }, `导入“${basename(path)}”`);
      } catch (e) {
        return jobFailure(e) ?? fail(importError(e, path));
      }
      await remember(path, false);
      return { ok: true, path, ...r };
    },

    async 'import:codeList'(req) {
      if (req.path !== undefined && !paths.mayRead(req.path)) return notChosen('导入', req.path);
      const path =
        req.path ??
        (await deps.dialogs.open({
          title: '导入科目代码表',
          filters: [{ name: '代码表（.csv .xlsx）', extensions: CODE_LIST_EXTS }],
          ...defaultPathOf(await folder()),
        }));
      if (!path) return canceled();
      paths.grant(path, 'read');
      if (!CODE_LIST_EXTS.includes(extname(path).slice(1).toLowerCase())) return fail(`无法导入“${basename(path)}”：代码表须是 .csv 或 .xlsx 文件`);
      if (!services.readCodeList) return notSupported('导入代码表');
      try {
        await checkRegularFile(path);
        const r = await services.readCodeList(path);
        await remember(path, false);
        // Kept per machine as well, so the next new document starts with this list.
        await settings
          .update((s) => {
            s.codeLists = { ...s.codeLists, [r.kind]: r.entries };
          })
          .catch(() => {});
        return { ok: true, path, kind: r.kind, entries: r.entries };
      } catch (e) {
        return fail(importError(e, path));
      }
    },

    async 'format:open'(req) {
      if (req.path !== undefined && !paths.mayRead(req.path)) return notChosen('导入', req.path);
      const path =
        req.path ??
        (await deps.dialogs.open({
          title: '导入表格格式',
          filters: [{ name: '表格格式（.json）', extensions: ['json'] }],
          ...defaultPathOf(await folder()),
        }));
      if (!path) return canceled();
      paths.grant(path, 'read');
      const r = await readFormatFile(path);
      if (!r.ok) return fail(`无法导入格式“${basename(path)}”：${r.error.replace(`${path}：`, '')}`);
      await remember(path, false);
      return { ok: true, path, format: r.format };
    },

    async 'export:xlsx'(req) {
      const parsed = await checkDoc(docs, req.docText, '导出 Excel');
      if (!parsed.ok) return parsed;
      // 导出当前表为 Excel: a workbook of that table alone (no 检查结果 sheet).
      const one = req.table === undefined ? undefined : tableName(parsed.summary, req.table, '导出');
      if (one && !one.ok) return one;
      if (req.path !== undefined && !paths.mayWrite(req.path)) return notChosen('导出到', req.path);
      const chosen =
        req.path ??
        (await deps.dialogs.save({
          title: one ? `导出${one.name}为 Excel` : '导出 Excel',
          defaultPath: await inFolder(`${defaultName(parsed.summary, one ? one.name : '部门预算公开表')}.xlsx`),
          filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
        }));
      if (!chosen) return canceled();
      const path = req.path ?? withExtension(chosen, 'xlsx');
      paths.grant(path, 'write');
      let bytes: Uint8Array;
      try {
        const job = { kind: 'exportXlsx' as const, docText: req.docText, findingsSheet: one ? false : req.findingsSheet, formulas: req.formulas };
        ({ bytes } = await jobs.run(req.table === undefined ? job : { ...job, tables: [req.table] }, `导出“${basename(path)}”`));
      } catch (e) {
        return jobFailure(e) ?? fail(`无法导出“${basename(path)}”：${e instanceof Error ? e.message : String(e)}`);
      }
      // Atomic, so a failed export never leaves a half-written workbook over an existing one.
      try {
        await atomic(path, bytes, false);
      } catch (e) {
        return fail(describeFsError(e, '导出', path));
      }
      await remember(path, false);
      return { ok: true, path };
    },

    async 'packet:pdf'(req) {
      if (!services.printToPdf) return notSupported('打印公开文件');
      // 打印当前表: that table alone, named after it.
      let one: { doc: DocSummary; name: string } | undefined;
      if (req.table !== undefined) {
        const parsed = await checkDoc(docs, req.docText, '打印');
        if (!parsed.ok) return parsed;
        const t = tableName(parsed.summary, req.table, '打印');
        if (!t.ok) return t;
        one = { doc: parsed.summary, name: t.name };
      }
      if (req.path !== undefined && !paths.mayWrite(req.path)) return notChosen('保存 PDF 到', req.path);
      const chosen =
        req.path ??
        (await deps.dialogs.save({
          title: one ? `打印${one.name}为 PDF` : '打印公开文件为 PDF',
          defaultPath: await inFolder(one ? `${defaultName(one.doc, one.name)}.pdf` : '部门预算公开.pdf'),
          filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
        }));
      if (!chosen) return canceled();
      const path = req.path ?? withExtension(chosen, 'pdf');
      paths.grant(path, 'write');
      const printToPdf = services.printToPdf;
      let pdf: Uint8Array;
      try {
        // Laid out in the worker; Electron's printToPDF needs main, under the same progress and 取消.
        const job = { kind: 'packetHtml' as const, docText: req.docText };
        pdf = await jobs.run(req.table === undefined ? job : { ...job, table: req.table }, `打印“${basename(path)}”`, async ({ html }, step) => {
          step('print', 0.5);
          return printToPdf(html);
        });
      } catch (e) {
        return jobFailure(e) ?? fail(`生成 PDF 失败：${e instanceof Error ? e.message : String(e)}`);
      }
      try {
        await atomic(path, pdf, false);
      } catch (e) {
        return fail(describeFsError(e, '保存 PDF', path));
      }
      await remember(path, false);
      return { ok: true, path };
    },

    async 'job:cancel'(req) {
      return { ok: true, canceled: jobs.cancel(req.jobId) };
    },

    async 'window:state'(req) {
      deps.setWindowState(req.fileName === undefined ? { dirty: req.dirty } : { fileName: req.fileName, dirty: req.dirty });
      return { ok: true };
    },

    async 'shell:openExternal'(req) {
      const url = externalWebUrl(req.url);
      if (!url) return fail(`只能在浏览器中打开网页链接（http/https），已拒绝：${req.url}`);
      // The browser is given the parsed, normalised form: what was shown is what is opened.
      if (!(await deps.confirmExternal(url))) return { ok: true, opened: false };
      await deps.openExternal(url);
      return { ok: true, opened: true };
    },

    async 'settings:get'() {
      return { ok: true, settings: await settings.get() };
    },

    async 'settings:set'(req) {
      try {
        const s = await settings.update((s) => {
          if (req.defaultUnit) s.defaultUnit = req.defaultUnit;
          if (req.lastFolder) s.lastFolder = req.lastFolder;
        });
        return { ok: true, settings: s };
      } catch (e) {
        return fail(describeFsError(e, '保存设置', settings.file));
      }
    },

    async 'app:info'() {
      return { ok: true, version: deps.appVersion, licenses: deps.licenses ? await deps.licenses() : [] };
    },
  };

  const handlers = {} as Record<Channel, (payload: unknown) => Promise<unknown>>;
  for (const channel of Object.keys(impl) as Channel[]) {
    const run = impl[channel] as (request: unknown) => Promise<unknown>;
    handlers[channel] = async (payload: unknown) => {
      const v = validateRequest(channel, payload);
      if (!v.ok) return v;
      try {
        return await run(v.value);
      } catch (e) {
        return fail(`处理“${channel}”时出错：${e instanceof Error ? e.message : String(e)}`);
      }
    };
  }
  return Object.assign(handlers as Handlers, { settings, recovery, paths });
}

function optionalPath(path: string | undefined): { path?: string } {
  return path === undefined ? {} : { path };
}

function defaultPathOf(path: string | undefined): { defaultPath?: string } {
  return path === undefined ? {} : { defaultPath: path };
}

/** A job stopped by 取消 or by its time budget, as the answer to the renderer; undefined otherwise. */
function jobFailure(e: unknown): Failure | undefined {
  if (!(e instanceof JobStopped)) return undefined;
  return e.why === 'canceled' ? canceled() : fail(e.message);
}

function importError(e: unknown, path: string): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code) return describeFsError(e, '导入', path);
  return `无法导入“${basename(path)}”：${e instanceof Error ? e.message : String(e)}`;
}
