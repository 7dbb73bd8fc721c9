import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PacketAudit } from '../../shared/audit/packet-audit';

const BOOT = fileURLToPath(new URL('./worker-boot.mjs', import.meta.url));

/**
 * Audit `files` on `jobs` worker threads; results come back in the order of `files`. Each
 * worker takes the next file when it finishes one, so a slow PDF does not hold up the rest.
 */
export async function auditInWorkers(files: readonly string[], jobs: number, onDone: (r: PacketAudit, done: number) => void): Promise<PacketAudit[]> {
  const results: PacketAudit[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const workers = Math.max(1, Math.min(jobs, files.length));
  await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(BOOT);
        const give = () => {
          if (next >= files.length) {
            void w.terminate().then(() => resolve());
            return;
          }
          const id = next++;
          w.postMessage({ id, file: files[id] });
        };
        w.on('message', (m: { ready?: boolean; id?: number; result?: PacketAudit }) => {
          if (m.ready) return give();
          if (m.id === undefined || !m.result) return;
          results[m.id] = m.result;
          onDone(m.result, ++done);
          give();
        });
        w.on('error', reject);
      }),
    ),
  );
  return results;
}
