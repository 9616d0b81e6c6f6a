/**
 * The provincial hub's side of federation (docs/federation.md): the regional hub it reports to,
 * confirmed by fingerprint, and announced to the members as the `regional_hub` record in the
 * transaction that confirms it, so that each member encrypts its next bundles to both hubs.
 * Modelled on the mailbox announcement (sync/network/mailbox-announcement.ts): one record per
 * hub, a random id kept for ever, nothing written when nothing changed.
 */
import { regionalHubKind, type RegionalHubData } from '../../../../shared/records/hub-federation';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import type { Projector } from '../../platform/records/projector';
import { stmt } from '../../platform/store/statements';
import { deleteRecord, operatorName, putRecord } from '../records/record-events';
import { confirmHubIdentity, listFederationHubs, type FederationHubRecord } from './federation-store';
import { writeAnnouncedRegional } from '../peers/regional-recipient';

/** The hub's last announcement: its record id and what it said (null once deleted). */
function lastAnnouncement(ctx: AppContext): { id: string; data: RegionalHubData | null } | null {
  const row = stmt(ctx.db, "SELECT record_id, op, line FROM outbox WHERE kind = 'regional_hub' ORDER BY seq DESC LIMIT 1").get() as
    | { record_id: string; op: 'put' | 'delete'; line: Buffer }
    | undefined;
  if (!row) return null;
  return { id: row.record_id, data: row.op === 'put' ? (JSON.parse(row.line.toString('utf8')) as { data: RegionalHubData }).data : null };
}

export function regionalHub(ctx: AppContext): FederationHubRecord | null {
  return listFederationHubs(ctx.db, 'regional')[0] ?? null;
}

/** Confirms the regional hub's fingerprint and announces it, in one transaction. */
export function confirmRegional(ctx: AppContext, typed: string): FederationHubRecord {
  const hub = regionalHub(ctx);
  if (!hub) throw appError('federation.noRegional');
  return ctx.db.transaction(() => {
    const confirmed = confirmHubIdentity(ctx, hub, typed);
    const last = lastAnnouncement(ctx);
    const same = last?.data && last.data.id === hub.id && last.data.signing_key === hub.signingKey && last.data.age_recipient === hub.ageRecipient;
    if (!same) {
      putRecord(ctx, regionalHubKind, last?.id ?? ctx.ids.uuid(), {
        id: hub.id,
        name: hub.name,
        signing_key: hub.signingKey,
        age_recipient: hub.ageRecipient,
        fingerprint: hub.fingerprint,
        updated_by: operatorName(ctx),
      });
    }
    return confirmed;
  })();
}

/** Stops reporting: the announcement is deleted (members stop encrypting to the regional hub) and the identity forgotten. */
export function removeRegional(ctx: AppContext): { removed: boolean } {
  const hub = regionalHub(ctx);
  if (!hub) return { removed: false };
  ctx.db.transaction(() => {
    const last = lastAnnouncement(ctx);
    if (last?.data) deleteRecord(ctx, regionalHubKind, last.id);
    ctx.db.prepare("DELETE FROM federation_hubs WHERE relation = 'regional'").run();
  })();
  return { removed: true };
}

/**
 * Municipality: the announced regional hub, kept as a setting the bundle writer reads
 * (regional-recipient.ts). Applying it again changes nothing; a delete clears it.
 */
export const regionalHubProjector: Projector = {
  kind: regionalHubKind.kind,
  open(db) {
    return {
      project(change) {
        const d = change.data as unknown as RegionalHubData | null;
        writeAnnouncedRegional(db, d ? { id: d.id, name: d.name, ageRecipient: d.age_recipient, fingerprint: d.fingerprint } : null);
      },
      close() {},
    };
  },
};
