import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PacketAudit } from '../../shared/audit/packet-audit';
import { INPUT_BOUNDS } from '../../shared/limits/input-bounds';
import { overMemory, overTime } from '../worker/stop-reasons';

const BOOT = fileURLToPath(new URL('./worker-boot.mjs', import.meta.url));

export interface AuditPoolOptions {
  /** Longest one file may take; over it its worker is stopped and the file reported as failed. Default: the app's job limit. */
  maxFileMs?: number;
  /** Heap of each worker thread; a file that needs more fails alone. Default: the app's worker heap. */
  heapMb?: number;
  /** Entry of the worker threads (tests: a wrapper around the real worker). */
  boot?: string;
}

/** A file whose worker died or ran over time: reported like any unreadable file (auditOne's shape). */
function failed(file: string, error: string, ms: number): PacketAudit {
  return { file, ok: false, error, errors: 0, warnings: 0, unreadable: [], findings: [], ms };
}

/**
 * Audit `files` on `jobs` worker threads; results come back in the order of `files`. Each
 * worker takes the next file when it finishes one, so a slow PDF does not hold up the rest.
 * A file that runs its worker out of memory, past the time limit or to its death is that file's
 * failure, not the batch's: the worker is replaced and the other files are still audited.
 */
export async function auditInWorkers(
  files: readonly string[],
  jobs: number,
  onDone: (r: PacketAudit, done: number) => void,
  opts: AuditPoolOptions = {},
): Promise<PacketAudit[]> {
  const results: PacketAudit[] = new Array(files.length);
  const maxMs = opts.maxFileMs ?? INPUT_BOUNDS.maxJobMs;
  const heapMb = opts.heapMb ?? INPUT_BOUNDS.maxWorkerHeapMb;
  let next = 0;
  let done = 0;
  const finish = (id: number, r: PacketAudit) => {
    results[id] = r;
    onDone(r, ++done);
  };
  const slots = Math.max(1, Math.min(jobs, files.length));
  await Promise.all(
    Array.from(
      { length: slots },
      () =>
        new Promise<void>((resolve, reject) => {
          /** One worker thread of this slot; a new one replaces it when a file kills it. */
          const start = () => {
            const w = new Worker(opts.boot ?? BOOT, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
            let current: { id: number; t0: number; timer: NodeJS.Timeout } | undefined;
            // Set once this worker is let go: its later 'error'/'exit' events must not count twice.
            let retired = false;
            const give = () => {
              if (next >= files.length) {
                retired = true;
                void w.terminate().then(() => resolve());
                return;
              }
              const id = next++;
              const timer = setTimeout(() => fail(`处理超时：${overTime(`审核“${basename(files[id]!)}”`, maxMs)}`), maxMs);
              current = { id, t0: performance.now(), timer };
              w.postMessage({ id, file: files[id] });
            };
            /** The file in hand fails with `reason`; the rest go to a fresh worker. */
            const fail = (reason: string) => {
              if (retired) return;
              retired = true;
              void w.terminate();
              const c = current;
              if (!c) {
                // Died before taking a file (it could not even start): no file to blame, and a
                // replacement would die alike.
                reject(new Error(reason));
                return;
              }
              clearTimeout(c.timer);
              finish(c.id, failed(files[c.id]!, reason, performance.now() - c.t0));
              start();
            };
            w.on('message', (m: { ready?: boolean; id?: number; result?: PacketAudit }) => {
              if (retired) return;
              if (m.ready) return give();
              if (m.id === undefined || !m.result || m.id !== current?.id) return;
              clearTimeout(current.timer);
              current = undefined;
              finish(m.id, m.result);
              give();
            });
            w.on('error', (e: Error & { code?: string }) => {
              const name = current ? `审核“${basename(files[current.id]!)}”` : '审核';
              fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `内存不足：${overMemory(name, heapMb)}` : `${name}时处理线程出错：${e.message}`);
            });
            w.on('exit', (code) => {
              const name = current ? `审核“${basename(files[current.id]!)}”` : '审核';
              fail(`${name}时处理线程意外中止（退出码 ${code}）`);
            });
          };
          start();
        }),
    ),
  );
  return results;
}
