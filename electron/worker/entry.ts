import { parentPort, workerData } from 'node:worker_threads';
import { serveDocument } from './documents';
import { runJob } from './jobs';
import type { DocAnswer, DocCall, WorkerInput, WorkerMessage } from './protocol';

/**
 * A worker thread of main: a job worker runs the one job it was started with and reports back;
 * without a job it is the documents thread, answering main's document requests until stopped.
 */
const port = parentPort;
if (!port) throw new Error('electron/worker/entry 只能在工作线程中运行');

const { request } = workerData as WorkerInput;
if (request) {
  const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  runJob(request, (stage, fraction) => post({ type: 'progress', stage, fraction })).then(
    (output) => post({ type: 'done', output }, 'bytes' in output ? [output.bytes.buffer as ArrayBuffer] : []),
    (e: unknown) => {
      const code = (e as NodeJS.ErrnoException | undefined)?.code;
      post({ type: 'failed', error: e instanceof Error ? e.message : String(e), ...(typeof code === 'string' ? { code } : {}) });
    },
  );
} else {
  port.on('message', ({ id, req }: DocCall) => {
    serveDocument(req).then(
      (reply) => {
        const bytes = !Array.isArray(reply) && reply.ok && 'fileBytes' in reply ? reply.fileBytes : undefined;
        port.postMessage({ id, reply } satisfies DocAnswer, bytes ? [bytes.buffer as ArrayBuffer] : []);
      },
      (e: unknown) => port.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies DocAnswer),
    );
  });
}
