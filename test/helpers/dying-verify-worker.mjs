// A verification worker that dies in mid-verification (test/sync/verify-worker-death.test.ts):
// the real worker from the sources (as verify-worker-entry.mjs loads it), except that right
// after it sends its first frame of verified lines — the writer thread is then inside its apply
// transaction, waiting for more — it dies, as CST_TEST_WORKER_DEATH says:
//   exit: process.exit(70), as an uncaught fatal error or a bug would end it;
//   oom:  it allocates until V8 stops it at the worker's heap limit (no JavaScript runs after).
import { register } from 'tsx/esm/api';

register();
const { ChannelWriter } = await import('../../electron/core/format/bundle/line-channel.ts');
const flush = ChannelWriter.prototype.flush;
ChannelWriter.prototype.flush = function dieAfterFirstLines() {
  const had = this.used;
  flush.call(this);
  if (had === 0) return;
  if (process.env.CST_TEST_WORKER_DEATH === 'oom') {
    const hog = [];
    for (;;) hog.push(new Array(1_000_000).fill(hog.length));
  }
  process.exit(70);
};
await import('../../electron/core/format/worker/verify-worker.ts');
