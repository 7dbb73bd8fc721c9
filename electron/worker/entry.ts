import { parentPort, workerData } from 'node:worker_threads';
import { runJob } from './jobs';
import type { WorkerInput, WorkerMessage } from './protocol';

/** The worker thread: runs the one job it was started with and reports back to main. */
const port = parentPort;
if (!port) throw new Error('electron/worker/entry 只能在工作线程中运行');
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

const { request } = workerData as WorkerInput;
runJob(request, (stage, fraction) => post({ type: 'progress', stage, fraction })).then(
  (output) => post({ type: 'done', output }, 'bytes' in output ? [output.bytes.buffer as ArrayBuffer] : []),
  (e: unknown) => {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    post({ type: 'failed', error: e instanceof Error ? e.message : String(e), ...(typeof code === 'string' ? { code } : {}) });
  },
);
