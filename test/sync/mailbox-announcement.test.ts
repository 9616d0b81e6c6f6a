/**
 * The mailbox address the hub announces (issue 10): the hub sets its address with
 * `sync.configure`, which writes its `mailbox_address` record; the member receives it in a real
 * bundle (exported to a folder, imported) and its `sync.network` shows it, unless the member
 * typed its own. Changes and removal follow; a repeated save writes nothing; a malformed
 * address in a received record refuses the bundle and changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MailboxAddressData, mailboxAddressKind, normalizedMailboxUrl } from '../../shared/records/hub-mailbox';
import { HUB_RECORD_KINDS, RECORD_KINDS } from '../../shared/records/kinds';
import { appendEvent } from '../../electron/core/sync/outbox/outbox';
import { readAnnouncedMailbox } from '../../electron/core/sync/network/sync-config';
import { outboxEvents } from '../helpers/municipality';
import { tempDir } from '../helpers/temp-dir';
import type { TestBackend } from '../helpers/backend';
import { hubToTown, openHub, openTown } from './hub-helpers';

const URL_A = 'https://mailbox.cst-pu.example';
const URL_B = 'https://cst-pu.example/mailbox';

const announcements = (t: TestBackend) => outboxEvents(t).filter((e) => e.kind === 'mailbox_address');

describe('the mailbox address announced by the hub', () => {
  it('reaches the member with its first bundle; changes and removal follow', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    expect(await town.must('sync.network', {})).toMatchObject({ mailbox: null, mailboxFromHub: false, state: 'off' });

    // Typed with a trailing slash and spaces: announced in its stored form.
    const set = await hub.must('sync.configure', { mailbox: `  ${URL_A}/ ` });
    expect(set).toMatchObject({ mailbox: URL_A, mailboxFromHub: false });
    const [first] = announcements(hub);
    expect(first).toMatchObject({ op: 'put', data: { url: URL_A, updated_by: 'Ufficio CST' } });
    expect(first!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const { res } = await hubToTown(hub, town, '041067');
    expect(res.outcome).toBe('applied');
    expect(await town.must('sync.network', {})).toMatchObject({ mailbox: URL_A, mailboxFromHub: true, state: 'idle' });

    // The hub moves its mailbox: the same record, a new put.
    await hub.must('sync.configure', { mailbox: URL_B });
    await hubToTown(hub, town, '041067');
    expect(await town.must('sync.network', {})).toMatchObject({ mailbox: URL_B, mailboxFromHub: true });

    // The hub removes it: a delete; the member has no address any more.
    await hub.must('sync.configure', { mailbox: null });
    expect(await hub.must('sync.network', {})).toMatchObject({ mailbox: null, mailboxFromHub: false });
    await hubToTown(hub, town, '041067');
    expect(await town.must('sync.network', {})).toMatchObject({ mailbox: null, mailboxFromHub: false, state: 'off' });
    expect(readAnnouncedMailbox(town.backend.ctx.db)).toBeNull();

    // Set again after removal: the same record id comes back (one record per hub, for ever).
    await hub.must('sync.configure', { mailbox: URL_A });
    const all = announcements(hub);
    expect(all.map((e) => [e.op, e.data?.url ?? null])).toEqual([
      ['put', URL_A],
      ['put', URL_B],
      ['delete', null],
      ['put', URL_A],
    ]);
    expect(new Set(all.map((e) => e.id)).size).toBe(1);
    await hubToTown(hub, town, '041067');
    expect(await town.must('sync.network', {})).toMatchObject({ mailbox: URL_A, mailboxFromHub: true });
    // The member never writes the hub's record.
    expect(announcements(town)).toEqual([]);
  });

  it('a member enrolled later receives the current address in its first bundle', async () => {
    const hub = await openHub();
    await hub.must('sync.configure', { mailbox: URL_A });
    await hub.must('sync.configure', { mailbox: URL_B });
    const town = await openTown(hub, '041044');
    await hubToTown(hub, town, '041044');
    expect(await town.must('sync.network', {})).toMatchObject({ mailbox: URL_B, mailboxFromHub: true });
  });

  it("the member's own address wins; removing it falls back to the hub's", async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await town.must('sync.configure', { mailbox: 'http://192.168.1.20:8080' });
    await hub.must('sync.configure', { mailbox: URL_A });
    await hubToTown(hub, town, '041067');
    expect(await town.must('sync.network', {})).toMatchObject({ mailbox: 'http://192.168.1.20:8080', mailboxFromHub: false });
    // The announced one is kept underneath.
    expect(readAnnouncedMailbox(town.backend.ctx.db)).toBe(URL_A);

    await hub.must('sync.configure', { mailbox: URL_B });
    await hubToTown(hub, town, '041067');
    expect(await town.must('sync.network', {})).toMatchObject({ mailbox: 'http://192.168.1.20:8080', mailboxFromHub: false });

    const cleared = await town.must('sync.configure', { mailbox: null });
    expect(cleared).toMatchObject({ mailbox: URL_B, mailboxFromHub: true });
    expect(announcements(town)).toEqual([]);
  });

  it('the same address saved again writes no new event; an invalid one writes nothing', async () => {
    const hub = await openHub();
    const before = outboxEvents(hub).length;
    await hub.must('sync.configure', { mailbox: URL_A });
    await hub.must('sync.configure', { mailbox: URL_A });
    await hub.must('sync.configure', { mailbox: `${URL_A}/` }); // the same address, typed differently
    await hub.must('sync.configure', { folder: tempDir() }); // the address not named: untouched
    expect(outboxEvents(hub).length).toBe(before + 1);

    const refused = await hub.call('sync.configure', { mailbox: 'ftp://mailbox.cst-pu.example' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'E_VALIDATION' } });
    expect(outboxEvents(hub).length).toBe(before + 1);
    expect(await hub.must('sync.network', {})).toMatchObject({ mailbox: URL_A });

    // Removing twice: one delete.
    await hub.must('sync.configure', { mailbox: null });
    await hub.must('sync.configure', { mailbox: '' });
    expect(announcements(hub).map((e) => e.op)).toEqual(['put', 'delete']);
  });

  it('a received record with a malformed address refuses the bundle and changes nothing', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await hub.must('sync.configure', { mailbox: URL_A });
    await hubToTown(hub, town, '041067');
    const applied = (await town.must('sync.status', {})).hubSeqApplied;

    // A hub writing past its own schema (another version, a tampered installation): credentials in the address.
    const ctx = hub.backend.ctx;
    const id = announcements(hub)[0]!.id;
    ctx.db.transaction(() => appendEvent(ctx, { kind: 'mailbox_address', op: 'put', id, data: { url: 'https://user:secret@evil.example', updated_by: 'Ufficio CST' } }))();
    const [exp] = await hub.must('bundle.export', { dir: tempDir(), for: '041067' });
    const [res] = await town.must('bundle.import', { files: [{ path: exp!.path }] });
    expect(res).toMatchObject({ outcome: 'refused', code: 'E_RECORD' });
    expect(await town.must('sync.network', {})).toMatchObject({ mailbox: URL_A, mailboxFromHub: true });
    expect((await town.must('sync.status', {})).hubSeqApplied).toBe(applied);
  });

  it('applying the same record again changes nothing (the projector sets, never adds)', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await hub.must('sync.configure', { mailbox: URL_A });
    const { exp } = await hubToTown(hub, town, '041067');
    // The same file again: a duplicate, nothing applied twice; the address stays.
    const [again] = await town.must('bundle.import', { files: [{ path: exp.path }] });
    expect(again!.code).toBeNull();
    expect(await town.must('sync.network', {})).toMatchObject({ mailbox: URL_A, mailboxFromHub: true });
    // The projector applied twice to the same change (a re-application): the same setting.
    const projector = town.backend.ctx.records.projectors.find((p) => p.kind === 'mailbox_address')!;
    const change = { owner: 'CST-PU', kind: 'mailbox_address', id: announcements(hub)[0]!.id, op: 'put' as const, seq: 1, data: { url: URL_B, updated_by: 'x' }, previous: null };
    town.backend.ctx.db.transaction(() => {
      for (let i = 0; i < 2; i++) {
        const session = projector.open(town.backend.ctx.db);
        session.project(change);
        session.close();
      }
    })();
    expect(readAnnouncedMailbox(town.backend.ctx.db)).toBe(URL_B);
  });
});

describe('the mailbox_address record kind', () => {
  it('is the hub’s, and its schema takes only an address in stored form', () => {
    expect(HUB_RECORD_KINDS).toContain(mailboxAddressKind);
    expect(mailboxAddressKind.owner).toBe('hub');
    const ok = (url: string) => MailboxAddressData.safeParse({ url, updated_by: 'Ufficio CST' }).success;
    expect(ok(URL_A)).toBe(true);
    expect(ok(URL_B)).toBe(true);
    expect(ok('http://127.0.0.1:8080')).toBe(true);
    for (const bad of [
      'ftp://mailbox.example',
      'https://user:pw@mailbox.example',
      'https://mailbox.example?x=1',
      'https://mailbox.example#top',
      'https://mailbox.example/', // not in stored form
      ' https://mailbox.example',
      'mailbox.example',
      'javascript:alert(1)',
      `https://mailbox.example/${'a'.repeat(300)}`,
      '',
    ]) {
      expect(ok(bad), bad).toBe(false);
    }
    expect(MailboxAddressData.safeParse({ url: URL_A, updated_by: 'x', extra: 1 }).success).toBe(false);
    expect(normalizedMailboxUrl('HTTPS://Mailbox.Example:443/base//')).toBe('https://mailbox.example/base');
  });

  it('every record kind is documented in docs/record-kinds.md', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'record-kinds.md'), 'utf8');
    for (const k of RECORD_KINDS) expect(doc, k.kind).toContain(`\`${k.kind}\``);
  });
});
