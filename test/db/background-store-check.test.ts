import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PushMessage } from '../../shared/api/events';
import type { StoreHealth } from '../../shared/domain/store-health';
import { openBackend, type Backend } from '../../electron/core/app/backend';
import { DB_FILE_NAME, openStore } from '../../electron/core/platform/store/open-store';
import { lastFullCheck, lastStartupCheck } from '../../electron/core/platform/store/startup-check';
import { cst } from '../cli/cli-run';
import { tempDir } from '../helpers/temp-dir';
import { BIG, crashWhileWriting, DAY, damagePages, fullCheckLongAgo, refusal, storeWithManyRows, storeWithRows, townHallWithRows } from '../helpers/damaged-store';

/**
 * The full check a big store owes, after the start (app/store-check-watch.ts,
 * platform/store/background-check.ts): real stores, real damage, the real child process.
 */
function open(dataDir: string): { backend: Backend; health: StoreHealth[] } {
  const backend = openBackend({
    dataDir,
    appVersion: '0.0.0-test',
    log: { info() {}, warn() {}, error() {} },
    autoBackupDelayMs: false,
    backgroundStoreCheck: { delayMs: 0 },
    startupCheck: BIG,
  });
  const health: StoreHealth[] = [];
  backend.subscribe((m: PushMessage) => {
    if (m.event === 'store.health') health.push(m.payload);
  });
  return { backend, health };
}

describe('the background full check of a big store', () => {
  it('the weekly one finds a damaged page: the window is told, writes are refused, the next start refuses the store', async () => {
    const dir = await townHallWithRows();
    fullCheckLongAgo(dir);
    const soundCopy = join(tempDir(), 'copia.sqlite');
    copyFileSync(join(dir, DB_FILE_NAME), soundCopy);
    damagePages(dir);
    const { backend, health } = open(dir);
    // The start read only the header, the freelist and the schema: integrity_check was left to the background.
    expect(lastStartupCheck(backend.ctx.db)).toMatchObject({ kind: 'header', fullCheckDeferred: 'schedule', problem: null });
    // Meanwhile the app answers.
    expect((await backend.dispatch('app.status', {})).ok).toBe(true);
    await backend.storeCheck.settled();
    expect(health.map((h) => h.state)).toEqual(['checking', 'damaged']);
    const now = await backend.dispatch('app.storeHealth', {});
    expect(now.ok && now.value).toMatchObject({ state: 'damaged', damage: { detail: expect.any(String) } });
    // Any write is refused with the Italian message that says what to do; reading goes on.
    const write = await backend.dispatch('settings.setLocale', { locale: 'en' });
    expect(write.ok).toBe(false);
    if (!write.ok) {
      expect(write.error.code).toBe('E_DB_CORRUPT');
      expect(write.error.message).toMatch(/non registra più modifiche.*Impostazioni › Copie di sicurezza/);
    }
    expect((await backend.dispatch('app.status', {})).ok).toBe(true);
    await backend.close();
    const err = refusal(() => openStore(dir, BIG));
    expect(err.code).toBe('E_DB_CORRUPT');
    expect(err.message).toMatch(/risulta danneggiato/);
    // The way out: restoring a backup moves the damaged database aside, its mark with it; the copy opens.
    const restored = await cst(['backup', 'restore', soundCopy, '--data-dir', dir]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.damaged'))).toEqual([expect.stringMatching(/^cst-desk\.sqlite\.before-restore-.*\.damaged$/)]);
    openStore(dir, BIG).close();
  }, 60_000);

  it('a sound store passes: recorded as the week\'s full check, nothing owed, the next start within the week reads the header only', async () => {
    const dir = storeWithRows();
    fullCheckLongAgo(dir);
    const { backend, health } = open(dir);
    expect(lastStartupCheck(backend.ctx.db)).toMatchObject({ kind: 'header', fullCheckDeferred: 'schedule' });
    await backend.storeCheck.settled();
    expect(health.map((h) => h.state)).toEqual(['checking', 'sound']);
    expect(lastFullCheck(backend.ctx.db)!.getTime()).toBeGreaterThan(Date.now() - DAY);
    expect((await backend.dispatch('settings.setLocale', { locale: 'en' })).ok).toBe(true);
    await backend.close();
    const db = openStore(dir, BIG);
    expect(lastStartupCheck(db)).toMatchObject({ kind: 'header', fullCheckDeferred: null });
    db.close();
  }, 60_000);

  it('quit while the check after a crash runs: stopped at once, the store closes cleanly (no WAL), the check stays owed', async () => {
    const dir = storeWithManyRows();
    crashWhileWriting(dir);
    const { backend, health } = open(dir);
    expect(lastStartupCheck(backend.ctx.db)).toMatchObject({ kind: 'header', fullCheckDeferred: 'unclean-shutdown' });
    // Quit while the check holds its read lock (a kept lock would leave the WAL: a crash at the next start).
    await backend.storeCheck.reading();
    expect(backend.storeCheck.running()).toBe(true);
    await backend.close();
    expect(health.map((h) => h.state)).toEqual(['checking']); // no result: stopped
    expect(existsSync(join(dir, `${DB_FILE_NAME}-wal`))).toBe(false);
    const db = openStore(dir, BIG);
    expect(lastStartupCheck(db)).toMatchObject({ kind: 'header', fullCheckDeferred: 'unclean-shutdown' });
    db.close();
  }, 60_000);
});
