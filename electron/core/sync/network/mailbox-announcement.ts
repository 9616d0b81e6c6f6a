/**
 * The mailbox address the hub announces (docs/sync.md, "The mailbox address"): when the hub sets,
 * changes or removes its own address, it writes its `mailbox_address` record in the same
 * transaction, so every member receives the address with its next bundle (its first one, for a
 * member enrolled later) and can sync without anyone typing it. On a municipality the record's
 * projector keeps it in the setting `sync.mailboxFromHub`; an address typed there wins
 * (sync-config.ts, effectiveMailbox).
 */
import { mailboxAddressKind, type MailboxAddressData } from '../../../../shared/records/hub-mailbox';
import type { FeatureModule } from '../../platform/api/feature-module';
import type { AppContext } from '../../platform/context';
import { readInstallation } from '../../platform/installation/installation-store';
import type { Projector } from '../../platform/records/projector';
import { stmt } from '../../platform/store/statements';
import { deleteRecord, operatorName, putRecord } from '../records/record-events';
import { writeAnnouncedMailbox, writeMailbox } from './sync-config';

/** The hub's last announcement: its record id, and the address (null once deleted). */
function lastAnnouncement(ctx: AppContext): { id: string; url: string | null } | null {
  const row = stmt(ctx.db, "SELECT record_id, op, line FROM outbox WHERE kind = 'mailbox_address' ORDER BY seq DESC LIMIT 1").get() as
    | { record_id: string; op: 'put' | 'delete'; line: Buffer }
    | undefined;
  if (!row) return null;
  const url = row.op === 'put' ? (JSON.parse(row.line.toString('utf8')) as { data: MailboxAddressData }).data.url : null;
  return { id: row.record_id, url };
}

/**
 * Hub only: the record follows the address. A put when it is new or changed, a delete when it
 * is removed, nothing when it is the same (a repeated save sends no event to 300 members). The
 * outbox is the truth of what was announced, so nothing else is kept. Its id is random (UUIDv7)
 * and then the same for ever: a member cannot guess it and take it first (record ids are unique
 * across installations, outbox.ts), which a derived id would allow.
 */
export function announceMailbox(ctx: AppContext, url: string | null): void {
  if (readInstallation(ctx.db)?.role !== 'hub') return;
  const last = lastAnnouncement(ctx);
  if ((last?.url ?? null) === url) return;
  if (url === null) {
    deleteRecord(ctx, mailboxAddressKind, (last as { id: string }).id);
    return;
  }
  putRecord(ctx, mailboxAddressKind, last?.id ?? ctx.ids.uuid(), { url, updated_by: operatorName(ctx) });
}

/** `sync.configure`'s address: the setting and, on the hub, its announcement, in one transaction. */
export function configureMailbox(ctx: AppContext, typed: string | null): void {
  ctx.db.transaction(() => announceMailbox(ctx, writeMailbox(ctx.db, typed)))();
}

/**
 * Municipality: the announced address, kept as a setting. It sets (or, on a delete, clears) the
 * whole value, so applying it again changes nothing; a fork rewind feeds it the earlier state
 * the same way (platform/records/projector.ts). A malformed address never gets here: the
 * record's schema refuses the bundle first (E_RECORD, inbox/apply-batch.ts).
 */
export const mailboxAddressProjector: Projector = {
  kind: mailboxAddressKind.kind,
  open(db) {
    return {
      project(change) {
        writeAnnouncedMailbox(db, change.data ? (change.data as unknown as MailboxAddressData).url : null);
      },
      close() {},
    };
  },
};

/** The hub writes the record; a municipality projects it. Nothing to restore: it is never a municipality's own. */
export const mailboxAnnouncementModule = {
  name: 'sync/network/announcement',
  kinds: [mailboxAddressKind],
  projectors: [mailboxAddressProjector],
} satisfies FeatureModule;
