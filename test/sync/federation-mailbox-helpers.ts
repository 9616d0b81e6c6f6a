/**
 * Federation through the mailbox in tests (docs/federation.md, "Through the mailbox"): provinces
 * each with a real mailbox server on 127.0.0.1, their members enrolled on it, a region, and the
 * parties' mailbox clients wrapped in a "weather" the test sets: the regional inbox's listing
 * hidden in part (delayed), repeated (duplicated) and shuffled; uploads failing after n files
 * (a round cut), or a hook just before an upload (a fault proxy armed for a cut mid-request).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { CourierError, type Courier } from '../../electron/core/sync/network/courier';
import type { MailboxCourierMaker } from '../../electron/core/sync/network/courier-factory';
import { createMailboxCourier } from '../../electron/core/sync/network/mailbox-courier';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { startTestMailbox, type TestMailbox } from '../helpers/mailbox';
import { introduce } from './hub-helpers';
import { rng } from './federation-helpers';

export const START = '2026-11-26T08:00:00.000Z';

export interface Weather {
  hide: (sha256: string) => boolean;
  shuffle: boolean;
  duplicate: boolean;
  /** Uploads to a recipient `cuts` names left before a failure (null: never fails). */
  sendsBeforeCut: number | null;
  /** Which recipients' uploads `sendsBeforeCut` counts (default: `regional`). */
  cuts: (to: string) => boolean;
  /** Called before every upload, with who sends (`self`) and to whom. */
  beforeSend: ((self: string, to: string) => Promise<void>) | null;
  random: () => number;
}

export function courierMaker(weather: Weather): MailboxCourierMaker {
  return ({ baseUrl, dataDir, self }) => {
    const real = createMailboxCourier({ baseUrl, keys: loadInstallationKeys(dataDir), timeoutMs: 10_000 });
    const courier: Courier = {
      ...real,
      kind: 'mailbox',
      async send(to, file, onProgress, options) {
        if (weather.cuts(to) && weather.sendsBeforeCut !== null) {
          if (weather.sendsBeforeCut === 0) throw new CourierError('offline', 'the line dropped (test)');
          weather.sendsBeforeCut -= 1;
        }
        await weather.beforeSend?.(self, to);
        return real.send(to, file, onProgress, options);
      },
      async list(after, limit) {
        const page = await real.list(after, limit);
        if (self !== 'regional') return page;
        let items = page.items.filter((i) => !weather.hide(i.sha256));
        if (weather.duplicate) items = [...items, ...items.filter(() => weather.random() < 0.4)];
        if (weather.shuffle) items = items.map((i) => [weather.random(), i] as const).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
        return { items, more: page.more };
      },
    };
    return courier;
  };
}

export function calm(): Weather {
  return { hide: () => false, shuffle: false, duplicate: false, sendsBeforeCut: null, cuts: (to) => to === 'regional', beforeSend: null, random: rng(7) };
}

export interface Province {
  hub: TestBackend;
  id: string;
  mailbox: TestMailbox;
  towns: { t: TestBackend; istat: string }[];
}

export async function openProvinceWithMailbox(weather: Weather, id: string, code: string): Promise<Province> {
  const hub = openTestBackend({ start: START, mailboxCourier: courierMaker(weather) });
  await hub.must('setup.hub', { id, name: `Consorzio ${code}`, province: code, operator: `Ufficio ${id}` });
  const mailbox = await startTestMailbox({ hub });
  await hub.must('sync.configure', { mailbox: mailbox.url });
  return { hub, id, mailbox, towns: [] };
}

export async function addTown(weather: Weather, p: Province, istat: string): Promise<TestBackend> {
  const t = openTestBackend({ start: START, mailboxCourier: courierMaker(weather) });
  await t.must('setup.municipality', { istat, operator: `Operatore ${istat}` });
  await introduce(t, p.hub);
  await introduce(p.hub, t);
  await t.must('sync.configure', { mailbox: p.mailbox.url });
  p.towns.push({ t, istat });
  return t;
}

export async function syncOk(t: TestBackend): Promise<void> {
  const s = await t.must('sync.now', {});
  expect(s.lastError, s.lastError?.it).toBeNull();
}

/** A province's round, then its members', until each side applied the other's news. */
export async function settle(p: Province): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await syncOk(p.hub);
    for (const town of p.towns) await syncOk(town.t);
  }
  await syncOk(p.hub);
}

/** The files waiting in a mailbox inbox (default `regional`), as its data folder holds them. */
export function inboxFiles(mailbox: TestMailbox, inbox = 'regional'): { sha256: string; path: string; roster: boolean }[] {
  const dir = join(mailbox.dataDir, 'bundles');
  const name = new RegExp(`^${inbox}-[0-9a-f]{64}\\.cstb$`);
  return readdirSync(dir)
    .filter((n) => name.test(n))
    .map((n) => ({ sha256: n.slice(inbox.length + 1, inbox.length + 65), path: join(dir, n), roster: readFileSync(join(dir, n))[0] === 0x7b }));
}

/** The files waiting in a mailbox's `regional` inbox. */
export function regionalFiles(mailbox: TestMailbox): { sha256: string; path: string; roster: boolean }[] {
  return inboxFiles(mailbox, 'regional');
}

export const db = (t: TestBackend) => t.backend.ctx.db;

/** The regional hub (as openRegion), its mailbox clients the weather's. */
export async function openRegionWith(weather: Weather): Promise<TestBackend> {
  const region = openTestBackend({ start: START, mailboxCourier: courierMaker(weather) });
  await region.must('setup.hub', { id: 'REG-MARCHE', name: 'Ufficio regionale Marche', operator: 'Ufficio regionale' });
  return region;
}

/**
 * The federation of the mailbox tests: the region, CST-PU (Urbino, Pesaro) and CST-AN (Ancona),
 * each province with its own mailbox server, nothing linked yet.
 */
export async function openTwoProvinces(weather: Weather): Promise<{ region: TestBackend; pu: Province; an: Province; provinces: Province[] }> {
  const region = await openRegionWith(weather);
  const pu = await openProvinceWithMailbox(weather, 'CST-PU', 'PU');
  const an = await openProvinceWithMailbox(weather, 'CST-AN', 'AN');
  await addTown(weather, pu, '041067');
  await addTown(weather, pu, '041044');
  await addTown(weather, an, '042002');
  return { region, pu, an, provinces: [pu, an] };
}
