import { Worker } from 'node:worker_threads';
import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { type WorkerScript, workerScript } from './locate';
import { overMemory, overTime } from './stop-reasons';
import type { DocAnswer, DocCall, DocReplies, DocRequest, WorkerInput } from './protocol';

export interface DocServiceOptions {
  /** Longest one request may take before the thread is stopped (and started afresh for the next). */
  maxMs?: number;
  heapMb?: number;
  script?: () => WorkerScript;
}

interface Pending {
  resolve(reply: DocReplies[keyof DocReplies]): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * Main's documents thread: parses, validates and writes out the documents of 打开, 保存, 自动保存,
 * 恢复, 导出 and 打印 (electron/worker/documents.ts), so main's own thread — the app's UI thread —
 * only hands text over (a 100,000-item document held it 0.5–0.9 s per save). One long-lived
 * thread, started on first use: a thread per request would add its start-up to every save. It
 * does not keep a finished process alive; a thread that dies or runs over time is started
 * afresh for the next request.
 */
export class DocService {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly opts: DocServiceOptions = {}) {}

  /** Rejects (Error, with a Chinese reason) only when the thread fails; an invalid document is a reply. */
  request<R extends DocRequest>(req: R): Promise<DocReplies[R['op']]> {
    const worker = this.started();
    const id = this.nextId++;
    const maxMs = this.opts.maxMs ?? INPUT_BOUNDS.maxJobMs;
    return new Promise<DocReplies[R['op']]>((resolve, reject) => {
      const timer = setTimeout(() => this.stop(overTime('处理文档', maxMs)), maxMs);
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject, timer });
      worker.ref();
      worker.postMessage({ id, req } satisfies DocCall);
    });
  }

  /** Start the thread now (the window has loaded), so the first 打开 does not wait for it. */
  warm(): void {
    this.started();
  }

  /** Stop the thread (app quit, tests); requests still waiting are refused. */
  async close(): Promise<void> {
    const w = this.worker;
    this.stop('程序正在退出');
    await w?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const script = (this.opts.script ?? workerScript)();
    const input: WorkerInput = script.entry ? { entry: script.entry } : {};
    const heapMb = this.opts.heapMb ?? INPUT_BOUNDS.maxWorkerHeapMb;
    const worker = new Worker(script.file, { workerData: input, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    worker.on('message', (a: DocAnswer) => this.answer(a));
    // Only the thread in service stops the service: a thread already let go (it ran out of memory
    // and is being terminated) may still report, and must not refuse the requests of the next one.
    worker.on('error', (e: Error & { code?: string }) => {
      if (this.worker !== worker) return;
      this.stop(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? overMemory('处理文档', heapMb) : `处理文档时出错：${e.message}`);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.stop(`处理文档的线程意外中止（退出码 ${code}）`);
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private answer(a: DocAnswer): void {
    const p = this.pending.get(a.id);
    if (!p) return;
    this.pending.delete(a.id);
    clearTimeout(p.timer);
    if (this.pending.size === 0) this.worker?.unref();
    if ('reply' in a) p.resolve(a.reply);
    else p.reject(new Error(`处理文档时出错：${a.error}`));
  }

  /** Refuse every waiting request with `reason` and let the thread go; the next request starts another. */
  private stop(reason: string): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) {
      clearTimeout(p.timer);
      p.reject(new Error(reason));
    }
  }
}

let shared: DocService | undefined;
/** The process's documents thread (the app has one set of handlers; tests make many). */
export function sharedDocService(): DocService {
  shared ??= new DocService();
  return shared;
}
