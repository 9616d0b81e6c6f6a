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
import type { Projector } from '../../platform/records/projector';
import { announce } from '../records/announcement';
import { operatorName } from '../records/record-events';
import { writeAnnouncedMailbox, writeMailbox } from './sync-config';

/** Hub only: the record follows the address (sync/records/announcement.ts). */
export function announceMailbox(ctx: AppContext, url: string | null): void {
  announce(ctx, mailboxAddressKind, url === null ? null : { url, updated_by: operatorName(ctx) }, (a, b) => a.url === b.url);
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
