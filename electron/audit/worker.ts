import { parentPort } from 'node:worker_threads';
import { auditOne } from './audit-one';

/** A worker audits the files it is sent, one at a time, and posts each result back. */
parentPort?.on('message', async (msg: { id: number; file: string }) => {
  const result = await auditOne(msg.file);
  parentPort?.postMessage({ id: msg.id, result });
});
parentPort?.postMessage({ ready: true });
