import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { JobProgress, JobStage } from '../../shared/ipc/contract';
import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { type WorkerScript, workerScript } from './locate';
import { overMemory, overTime } from './stop-reasons';
import type { JobKind, JobOutputs, JobRequest, WorkerInput, WorkerMessage } from './protocol';

/** A job that did not finish: stopped by the user (取消) or by the time budget. */
export class JobStopped extends Error {
  constructor(
    message: string,
    readonly why: 'canceled' | 'timeout',
  ) {
    super(message);
  }
}

/** The job's own failure (a reason in Chinese); `code` is set for file-system errors. */
export class JobFailed extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface JobRunnerOptions {
  /** Every progress event of every job (main forwards them to the window). */
  onProgress?(progress: JobProgress): void;
  maxJobMs?: number;
  heapMb?: number;
  script?: () => WorkerScript;
}

interface Running {
  canceled: boolean;
  worker?: Worker;
}

const FIRST_STAGE: Record<JobKind, JobStage> = { import: 'read', exportXlsx: 'layout', packetHtml: 'layout' };

/**
 * Runs import, export and print layout in a worker thread, one per job, so a slow or hostile
 * file never blocks main: progress goes to `onProgress`, `cancel` ends the thread, and a job over
 * the time budget is stopped with a reason. A worker that runs out of its heap dies alone.
 */
export class JobRunner {
  private readonly running = new Map<string, Running>();
  private readonly maxJobMs: number;

  constructor(private readonly opts: JobRunnerOptions = {}) {
    this.maxJobMs = opts.maxJobMs ?? INPUT_BOUNDS.maxJobMs;
  }

  /**
   * Run `request` in a worker, then `finish` (work that must stay in main, such as printToPDF)
   * under the same progress and 取消. Rejects with JobStopped or JobFailed.
   */
  async run<K extends JobKind, R = JobOutputs[K]>(
    request: Extract<JobRequest, { kind: K }>,
    title: string,
    finish?: (output: JobOutputs[K], step: (stage: JobStage, fraction: number) => void) => Promise<R>,
  ): Promise<R> {
    const jobId = randomUUID();
    const job: Running = { canceled: false };
    this.running.set(jobId, job);
    let last: JobStage = FIRST_STAGE[request.kind];
    const step = (stage: JobStage, fraction: number) => {
      last = stage;
      this.opts.onProgress?.({ jobId, title, stage, fraction: Math.min(1, Math.max(0, fraction)) });
    };
    try {
      step(last, 0);
      const output = (await this.inWorker(request, job, step)) as JobOutputs[K];
      if (!finish) return output as R;
      const r = await finish(output, step);
      if (job.canceled) throw new JobStopped('已取消', 'canceled');
      return r;
    } finally {
      this.running.delete(jobId);
      this.opts.onProgress?.({ jobId, title, stage: last, fraction: 1, done: true });
    }
  }

  /** Stop a running job; false when it is not running (already finished or unknown). */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    job.canceled = true;
    void job.worker?.terminate();
    return true;
  }

  get activeJobs(): number {
    return this.running.size;
  }

  private inWorker(request: JobRequest, job: Running, step: (stage: JobStage, fraction: number) => void): Promise<JobOutputs[JobKind]> {
    const script = (this.opts.script ?? workerScript)();
    const input: WorkerInput = { request, ...(script.entry ? { entry: script.entry } : {}) };
    return new Promise((resolve, reject) => {
      let settled = false;
      let timedOut = false;
      const worker = new Worker(script.file, {
        workerData: input,
        resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb ?? INPUT_BOUNDS.maxWorkerHeapMb },
      });
      job.worker = worker;
      const timer = setTimeout(() => {
        timedOut = true;
        void worker.terminate();
      }, this.maxJobMs);
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        f();
        // The job is over either way; nothing the thread still holds is wanted.
        void worker.terminate();
      };
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'progress') step(m.stage, m.fraction);
        else if (m.type === 'done') settle(() => resolve(m.output));
        else settle(() => reject(new JobFailed(m.error, m.code)));
      });
      worker.on('error', (e: Error & { code?: string }) => {
        settle(() =>
          reject(
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new JobFailed(overMemory('处理时', this.opts.heapMb ?? INPUT_BOUNDS.maxWorkerHeapMb))
              : new JobFailed(`处理时出错：${e.message}`),
          ),
        );
      });
      worker.on('exit', (code) => {
        settle(() => {
          if (job.canceled) reject(new JobStopped('已取消', 'canceled'));
          else if (timedOut) reject(new JobStopped(overTime('处理', this.maxJobMs), 'timeout'));
          else reject(new JobFailed(`处理意外中止（退出码 ${code}）`));
        });
      });
    });
  }
}
