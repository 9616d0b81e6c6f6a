/**
 * Which verifier a sync round's import uses: a small page (a month of a town hall's records) is
 * verified on the agent's own thread, without paying the verification worker's start (~170 ms of
 * CPU, the better part of a member's whole sync); a large page still goes to the worker. Shown
 * with a worker entry that notes each start in a file, then runs the real worker.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INLINE_VERIFY_MAX_BYTES } from '../../electron/core/sync/network/sync-round';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from './hub-helpers';

const REAL_ENTRY = pathToFileURL(join(import.meta.dirname, '..', '..', 'electron', 'core', 'format', 'worker', 'verify-worker-entry.mjs')).href;
let saved: string | undefined;
let starts: string;
const workerStarts = () => (existsSync(starts) ? readFileSync(starts, 'utf8').split('\n').filter(Boolean).length : 0);
beforeEach(() => {
  saved = process.env.CST_VERIFY_WORKER_FILE;
  const dir = tempDir();
  starts = join(dir, 'starts.txt');
  const entry = join(dir, 'counting-worker.mjs');
  writeFileSync(entry, `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(starts)}, 'started\\n');\nawait import(${JSON.stringify(REAL_ENTRY)});\n`);
  process.env.CST_VERIFY_WORKER_FILE = entry;
});
afterEach(() => {
  if (saved === undefined) delete process.env.CST_VERIFY_WORKER_FILE;
  else process.env.CST_VERIFY_WORKER_FILE = saved;
});

async function hubAndTown() {
  const folder = tempDir();
  const hub = await openHub();
  const town = await openTown(hub, '041067');
  for (const p of [hub, town]) await p.must('sync.configure', { folder });
  return { hub, town };
}

describe('the verifier of a sync round', () => {
  it('a month of records is verified without starting the worker', async () => {
    const { hub, town } = await hubAndTown();
    for (let d = 2; d <= 27; d += 1) {
      for (const service of ['PEC', 'PROTOCOLLO', 'SITO']) await town.must('usage.record', { service, date: `2026-10-${String(d).padStart(2, '0')}`, quantity: String(d) });
    }
    expect((await town.must('sync.now', {})).lastRound).toMatchObject({ sent: 1 });
    const atHub = await hub.must('sync.now', {});
    expect(atHub.lastError).toBeNull();
    expect(atHub.lastRound).toMatchObject({ received: 1, applied: 1 });
    expect(workerStarts()).toBe(0);
  }, 60_000);

  it('a page larger than the limit is verified by the worker', async () => {
    const { hub, town } = await hubAndTown();
    // Notes that do not compress: the bundle passes the limit with few records.
    const notes = Math.ceil((1.5 * INLINE_VERIFY_MAX_BYTES) / 1400);
    for (let i = 0; i < notes; i += 1) {
      await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '1', note: randomBytes(1400).toString('base64') });
    }
    expect((await town.must('sync.now', {})).lastRound).toMatchObject({ sent: 1 });
    const atHub = await hub.must('sync.now', {});
    expect(atHub.lastError).toBeNull();
    expect(atHub.lastRound).toMatchObject({ received: 1, applied: 1 });
    expect(workerStarts()).toBe(1);
  }, 60_000);
});
