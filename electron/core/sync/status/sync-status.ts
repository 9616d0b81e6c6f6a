/**
 * "Sincronizzato fino a …": where this installation stands with its hub. Every figure is a
 * keyed lookup (peers, outbox head, the stored line at the applied seq), never a scan.
 */
import { exchangePeers } from '../peers/vouched-senders';
import type { SyncStatus } from '../../../../shared/domain/hub-views';
import type { AppContext } from '../../platform/context';
import { requireInstallation } from '../../platform/installation/installation-store';
import { outboxHead } from '../outbox/outbox';
import { unacknowledgedEvents } from '../outbox/unacknowledged';
import { stmt } from '../../platform/store/statements';
import { receivedEventAt } from '../inbox/event-at';

export function syncStatus(ctx: AppContext): SyncStatus {
  const us = requireInstallation(ctx.db);
  const head = outboxHead(ctx.db);
  const ourLastAt = head.seq > 0 ? ((stmt(ctx.db, 'SELECT at FROM outbox WHERE seq = ?').pluck().get(head.seq) as string | undefined) ?? null) : null;
  // A municipality's hub (not the regional hub above it); a hub has none (its federation hubs are not its hub).
  const hubs = us.role === 'municipality' ? exchangePeers(ctx.db).filter((p) => p.kind === 'hub') : [];
  const hub = hubs.find((p) => p.status === 'confirmed') ?? hubs[0] ?? null;
  const pendingBundles = stmt(
    ctx.db,
    "SELECT count(DISTINCT file_sha256) FROM received_bundles WHERE outcome IN ('pending', 'kept') AND sender_kind = 'hub'",
  )
    .pluck()
    .get() as number;
  const lastExportAt = (stmt(ctx.db, "SELECT max(created_at) FROM bundle_exports WHERE recipient_kind = 'hub'").pluck().get() as string | null) ?? null;
  const count = (sql: string) => stmt(ctx.db, sql).pluck().get() as number;
  return {
    role: us.role,
    hub: hub ? { id: hub.id, name: hub.name, confirmed: hub.status === 'confirmed' } : null,
    lastImportAt: hub?.lastReceivedAt ?? null,
    hubSeqApplied: hub?.appliedSeq ?? 0,
    hubSeqAppliedAt: hub && hub.appliedSeq > 0 ? receivedEventAt(ctx.db, hub.peerNo, hub.appliedSeq) : null,
    ourLastSeq: head.seq,
    ourLastAt,
    ackedByHub: hub?.ackedSeq ?? null,
    ackedAt: hub ? ((stmt(ctx.db, 'SELECT acked_at FROM peers WHERE peer_no = ?').pluck().get(hub.peerNo) as string | null) ?? null) : null,
    waiting: unacknowledgedEvents(ctx.db),
    pendingBundles,
    lastExportAt,
    ackProblem: hub?.ackProblem ?? null,
    received: {
      services: count('SELECT count(*) FROM hub_services'),
      courses: count('SELECT count(*) FROM hub_courses'),
      groups: count('SELECT count(*) FROM hub_groups'),
      members: count('SELECT count(*) FROM members WHERE record_id IS NOT NULL'),
    },
  };
}
