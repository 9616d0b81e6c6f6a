/**
 * Issue 11, item 12: `log verify` sees events cut from the end of the log (what an exported
 * bundle and the other side's acknowledgement show we had), and `check` names missing
 * append-only triggers.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import type { TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

/** What an attacker with the file does: drop the protection, delete the last `n` events. */
function cutTail(t: TestBackend, n: number): number {
  const db = t.backend.ctx.db;
  db.exec('DROP TRIGGER outbox_no_update; DROP TRIGGER outbox_no_delete;');
  const last = db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number;
  db.prepare('DELETE FROM outbox WHERE seq > ?').run(last - n);
  return last;
}

async function townWithUsage() {
  const hub = await openHub();
  const town = await openTown(hub, '041067');
  for (const q of ['1', '2', '3']) await town.must('usage.record', { service: 'PEC', date: '2026-10-01', quantity: q });
  return { hub, town };
}

describe('log verify and the end of the log', () => {
  it('events cut after they were exported: broken where they start, naming the bundle', async () => {
    const { town } = await townWithUsage();
    await town.must('bundle.export', { dir: tempDir() });
    expect(await town.must('log.verify', {})).toMatchObject({ ok: true });
    const last = cutTail(town, 2);
    const r = await town.must('log.verify', {});
    expect(r).toMatchObject({ ok: false, firstBroken: last - 1, events: last - 2, expectedLast: last });
    expect(r.reason).toMatch(new RegExp(`mancano gli eventi ${last - 1}–${last} in fondo al registro: erano già stati esportati`));
  });

  it('events cut after they were exported and written again: the exported last hash tells', async () => {
    const { town } = await townWithUsage();
    await town.must('bundle.export', { dir: tempDir() });
    const last = cutTail(town, 1);
    // The same number, other content: a chain that recomputes, but not the one already sent.
    await town.must('usage.record', { service: 'PEC', date: '2026-10-02', quantity: '9' });
    const r = await town.must('log.verify', {});
    expect(r).toMatchObject({ ok: false, firstBroken: last, events: last - 1 });
    expect(r.reason).toMatch(new RegExp(`l'evento ${last} non è quello già esportato nel pacchetto per CST-PU`));
  });

  it('events cut after the other side acknowledged them: broken, naming who has them', async () => {
    const { hub, town } = await townWithUsage();
    await townToHub(town, hub);
    await hubToTown(hub, town, '041067');
    // Only the acknowledgement is left to tell (the export history is gone too).
    town.backend.ctx.db.exec('DELETE FROM bundle_exports');
    const last = cutTail(town, 1);
    const r = await town.must('log.verify', {});
    expect(r).toMatchObject({ ok: false, firstBroken: last, expectedLast: last });
    expect(r.reason).toMatch(/CST-PU ha confermato di averli ricevuti/);
  });

  it('cst check names the missing append-only triggers', async () => {
    const { town } = await townWithUsage();
    const dir = town.dataDir;
    town.backend.ctx.db.exec('DROP TRIGGER outbox_no_delete;');
    town.backend.close();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['check', '--data-dir', dir], { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
    expect(code).toBe(1);
    expect(out.join('\n')).toMatch(/Registro degli eventi in sola aggiunta: mancano le protezioni outbox_no_delete/);
  });
});
