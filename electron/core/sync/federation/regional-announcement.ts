/**
 * The provincial hub's side of federation (docs/federation.md): the regional hub it reports to,
 * confirmed by fingerprint, and announced to the members as the `regional_hub` record in the
 * transaction that confirms it, so that each member encrypts its next bundles to both hubs.
 * An announcement like the mailbox's (sync/records/announcement.ts): one record per hub, a
 * random id kept for ever, nothing written when nothing changed.
 */
import { regionalHubKind, type RegionalHubData } from '../../../../shared/records/hub-federation';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import type { Projector } from '../../platform/records/projector';
import { announce } from '../records/announcement';
import { operatorName } from '../records/record-events';
import { confirmHubIdentity, ensureHubPeer, listFederationHubs, setHubPeerAside, type FederationHubRecord } from './federation-store';
import { readRegionalRecipient, writeAnnouncedRegional } from '../peers/regional-recipient';
import { dropUnsentFor } from '../network/agent-store';
import { REGIONAL_RECIPIENT } from '../network/courier';
import { peerNoOf, receivedEventAt } from '../inbox/event-at';
import type Database from 'better-sqlite3';
import type { RecordChange } from '../../platform/records/projector';

function atOf(db: Database.Database, change: RecordChange): string {
  const peerNo = peerNoOf(db, 'hub', change.owner);
  return (peerNo !== undefined && receivedEventAt(db, peerNo, change.seq)) || new Date(0).toISOString();
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
    announce(
      ctx,
      regionalHubKind,
      { id: hub.id, name: hub.name, signing_key: hub.signingKey, age_recipient: hub.ageRecipient, fingerprint: hub.fingerprint, updated_by: operatorName(ctx) },
      (a, b) => a.id === b.id && a.signing_key === b.signing_key && a.age_recipient === b.age_recipient,
    );
    return confirmed;
  })();
}

/** Stops reporting: the announcement is deleted (members stop encrypting to the regional hub) and the identity forgotten. */
export function removeRegional(ctx: AppContext): { removed: boolean } {
  const hub = regionalHub(ctx);
  if (!hub) return { removed: false };
  ctx.db.transaction(() => {
    announce(ctx, regionalHubKind, null, () => false);
    ctx.db.prepare("DELETE FROM federation_hubs WHERE relation = 'regional'").run();
    setHubPeerAside(ctx.db, hub.id);
    // Our own bundles not yet at the mailbox for it: the mailbox would refuse them now (it drops what waited there).
    dropUnsentFor(ctx.db, REGIONAL_RECIPIENT);
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
        const before = readRegionalRecipient(db);
        if (before && before.id !== d?.id) setHubPeerAside(db, before.id);
        writeAnnouncedRegional(db, d ? { id: d.id, name: d.name, ageRecipient: d.age_recipient, fingerprint: d.fingerprint } : null);
        // The regional hub's own files reach us through our hub (forward-members): its keys are
        // those our hub signed in this record.
        if (d) ensureHubPeer(db, { id: d.id, name: d.name, signingKey: d.signing_key, ageRecipient: d.age_recipient, fingerprint: d.fingerprint }, atOf(db, change));
      },
      close() {},
    };
  },
};
