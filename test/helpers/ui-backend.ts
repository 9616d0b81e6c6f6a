/**
 * The real backend for the UI tests (jsdom runs in Node, so the core and better-sqlite3 run in
 * the test's own process): a real SQLite file in a temp folder, a fixed clock, deterministic ids.
 * Every call goes through the backend's dispatcher, so inputs are validated by the real contract,
 * and push events come from the core's own `emit`.
 */
import type { SubscribeFn } from '../../shared/api/call';
import type { MethodName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';
import { cpSync } from 'node:fs';
import { vi } from 'vitest';
import { nextStatusRevision } from '../../electron/core/sync/network/network-status';
import type { NetworkSyncStatus } from '../../shared/domain/network-sync';
import { takeBackup } from '../sync/recovery-helpers';
import { openTestBackend, type TestBackend } from './backend';
import { tempDir } from './temp-dir';
import { afterEachTest } from './after-each-test';
import type { Answer, BundleFile, MemberIdentityFile, UiBackend, UiBackendOptions } from './ui-backend-types';
import { memberIdentity } from './member-identities';
import { writeZip } from '../../electron/core/format/container/zip-writer';
import { openRegionWithData, provinceWithEarlyFile } from '../sync/federation-helpers';

/** The hub and the municipality the UI tests are about. */
export const HUB_SETUP = { id: 'CST-PU', name: 'CST Pesaro-Urbino', operator: 'Luca Bianchi', province: 'PU' } as const;
export const TOWN_SETUP = { istat: '041067', operator: 'Maria Rossi' } as const;

const DEFAULT_START = '2026-11-26T09:00:00.000Z';

afterEachTest(function realTimers() {
  vi.useRealTimers();
});

/** The core under each UI backend, for what only a test does to it (an old copy of its folder). */
const cores = new WeakMap<UiBackend, TestBackend>();

export async function openUiBackend(options: UiBackendOptions = {}): Promise<UiBackend> {
  const start = options.start ?? DEFAULT_START;
  // The renderer's "today" (the date a form offers, the current year) and the core's clock are
  // the same clock in the app: here both start at `start`, so a date typed "today" is not in
  // the core's future. Only Date is faked; it moves on with real time, timers stay real.
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(start));
  // The core's clock as fixedClock (1 ms a reading), but settable: `setTime` moves it.
  let now = Date.parse(start);
  const clock = {
    now() {
      const s = new Date(now).toISOString();
      now += 1;
      return s;
    },
  };
  const t = openTestBackend({ autoBackupDelayMs: false, clock, ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(options.store ? { store: options.store } : {}) });
  const overrides = new Map<MethodName, Answer<MethodName>>();
  const calls: UiBackend['calls'] = [];
  let closed = false;
  const close = t.backend.close;
  t.backend.close = () => {
    closed = true;
    return close();
  };

  // What the preload's IPC does: the renderer gets copies, never the core's own objects.
  const call = (async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
    calls.push({ method, input: structuredClone(input) });
    const answer = overrides.get(method);
    if (answer) return answer(structuredClone(input) as never);
    // After the test the screen is gone and the store closed: a late call waits forever, unanswered.
    if (closed) return new Promise(() => undefined);
    try {
      return structuredClone(await t.backend.dispatch(method, structuredClone(input) as never));
    } catch (err) {
      if (closed) return new Promise(() => undefined);
      throw err;
    }
  }) as UiBackend['call'];

  const subscribe: SubscribeFn = (event, listener) =>
    t.backend.subscribe((message) => {
      if (message.event === event) listener(structuredClone(message.payload) as never);
    });

  const ui: UiBackend = {
    dataDir: t.dataDir,
    call,
    subscribe,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.input),
    // Straight to the core, not recorded in `calls`: what the test sets up is not what the screen sent.
    must: (method, input) => t.must(method, input),
    setTime(at) {
      now = Date.parse(at);
      vi.setSystemTime(new Date(at));
    },
    override(method, answer) {
      overrides.set(method, answer as unknown as Answer<MethodName>);
    },
    emit(event, payload) {
      // Stamped as the agent stamps what it says (network-status.ts), unless the test gave a
      // revision of its own (a late push, older than what the page holds).
      const stamped = event === 'sync.network' && (payload as NetworkSyncStatus).revision === 0 ? { ...payload, revision: nextStatusRevision() } : payload;
      t.backend.ctx.emit(event, stamped);
    },
  };
  cores.set(ui, t);
  if (options.locale && options.locale !== 'it') await ui.must('settings.setLocale', { locale: options.locale });
  if (options.as === 'municipality') await ui.must('setup.municipality', { ...TOWN_SETUP });
  if (options.as === 'hub') await ui.must('setup.hub', { ...HUB_SETUP });
  return ui;
}

export async function pair(hub: UiBackend, town: UiBackend): Promise<void> {
  for (const [from, to] of [[town, hub], [hub, town]] as const) {
    const file = await from.must('identity.export', {});
    const me = await from.must('identity.show', {});
    await to.must('identity.import', { contentBase64: file.contentBase64, fileName: file.fileName });
    await to.must('identity.confirm', { id: me.id, fingerprint: me.fingerprint });
  }
}

export async function exportBundles(from: UiBackend, options: { all?: boolean } = {}): Promise<BundleFile[]> {
  const status = await from.must('app.status', {});
  const hub = status.installation?.role === 'hub';
  const made = await from.must('bundle.export', { inline: true, ...(hub ? { allMembers: true } : {}), ...(options.all ? { all: true } : {}) });
  return made.map((m) => ({ name: m.fileName, contentBase64: m.contentBase64 ?? '' }));
}

/** A consistent copy of `ui`'s data folder as it is now (database and keys): a backup kept aside. */
export function copyOfData(ui: UiBackend): string {
  const t = cores.get(ui);
  if (!t) throw new Error('not a UI backend');
  return takeBackup(t);
}

/** The folder lost and replaced by an old copy: `ui` is closed, a backend opens on the copy. */
export async function restoreCopy(ui: UiBackend, copy: string, start: string): Promise<UiBackend> {
  cores.get(ui)?.backend.close();
  const dataDir = tempDir();
  cpSync(copy, dataDir, { recursive: true });
  return openUiBackend({ dataDir, start });
}

export function memberIdentityFiles(members: readonly { istat: string; name: string }[]): MemberIdentityFile[] {
  return members.map((m) => {
    const id = memberIdentity(m);
    return { istat: id.istat, name: id.name, fileName: id.fileName, contentBase64: id.bytes.toString('base64'), fingerprint: id.fingerprint };
  });
}

export function zipOf(folder: string, files: readonly { fileName: string; contentBase64: string }[]): string {
  return writeZip(files.map((f) => ({ name: `${folder}/${f.fileName}`, data: Buffer.from(f.contentBase64, 'base64') }))).toString('base64');
}

/** A province that set apart, forwarding by folder, a member file encrypted to it alone (test/sync/federation-helpers.ts): its data folder. */
export async function provinceWithFileNotForRegion(): Promise<string> {
  const built = await provinceWithEarlyFile();
  await built.hub.must('federation.forward', { dir: tempDir() });
  built.close();
  return built.hub.dataDir;
}

/** The data folders of a regional hub with data and of one of its provinces (CST-PU), built for real and closed (test/sync/federation-helpers.ts). */
export async function regionFolders(options: { enrolled?: number } = {}): Promise<{ region: string; province: string }> {
  const built = await openRegionWithData(options);
  const folders = { region: built.region.dataDir, province: built.provinces[0]!.dataDir };
  built.close();
  return folders;
}
