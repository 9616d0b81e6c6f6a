/**
 * Worker thread: verifies received bundles (steps 1–10) off the thread that owns the database
 * and, in Electron, off the main process. Receives { id, input }, answers { id, report } or
 * { id, error }. It never opens the database: everything it needs is in `input`.
 */
import { parentPort } from 'node:worker_threads';
import { verifyBundle, type VerifyInput } from '../bundle/verify';

const port = parentPort;
if (!port) throw new Error('verify-worker must run as a worker thread');

port.on('message', (message: { id: number; input: VerifyInput }) => {
  verifyBundle(message.input).then(
    (report) => port.postMessage({ id: message.id, report }),
    (err: unknown) => port.postMessage({ id: message.id, error: String((err as Error)?.stack ?? err) }),
  );
});
