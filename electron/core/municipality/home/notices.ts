import type { ParsedInput } from '../../../../shared/api/contract';
import type { Notices } from '../../../../shared/domain/home';
import type { AppContext } from '../../platform/context';
import { stmt } from '../../platform/store/statements';
import { writeSetting } from '../staff/share-names';

/**
 * "Novità": what arrived since it was last seen, for the home page and the badges of the menu.
 * What was seen is a mark per kind of news in the settings table of this installation's
 * database (the last received file's number, `received_bundles.reception_no`): it survives a
 * restart, is the same for the desktop window and the browser shell (whose page origin, and so
 * its localStorage, changes with the port at every launch), goes into backups with the rest,
 * and is never an event: nobody else needs to know what this office has looked at.
 */
const MARKS = { bundles: 'notices_seen_bundles', proposals: 'notices_seen_proposals' } as const;

function mark(ctx: AppContext, what: keyof typeof MARKS): number {
  const v = Number(stmt(ctx.db, 'SELECT value FROM settings WHERE key = ?').pluck().get(MARKS[what]) ?? 0);
  return Number.isSafeInteger(v) && v >= 0 ? v : 0;
}

function lastReception(ctx: AppContext): number {
  return (stmt(ctx.db, 'SELECT max(reception_no) FROM received_bundles').pluck().get() as number | null) ?? 0;
}

export function readNotices(ctx: AppContext): Notices {
  const role = stmt(ctx.db, 'SELECT role FROM installation WHERE singleton = 1').pluck().get() as string | undefined;
  if (!role) return { bundles: 0, proposals: 0 };
  // A town hall hears from the consortium; the consortium from its members.
  const sender = role === 'hub' ? 'municipality' : 'hub';
  const bundles = stmt(ctx.db, "SELECT count(*) FROM received_bundles WHERE reception_no > ? AND outcome = 'applied' AND sender_kind = ?")
    .pluck()
    .get(mark(ctx, 'bundles'), sender) as number;
  // Proposals submitted (or submitted again) in a file received since: the hub's own copy of
  // each carries the seqs of its events, the received file the range of seqs it brought.
  const proposals =
    role !== 'hub'
      ? 0
      : (stmt(
          ctx.db,
          `SELECT count(DISTINCT p.id) FROM received_bundles b
           JOIN hub_proposals p ON p.owner = b.sender_id AND p.status = 'submitted'
           JOIN hub_proposal_events e ON e.proposal_id = p.id AND e.seq BETWEEN b.first_seq AND b.last_seq
           WHERE b.reception_no > ? AND b.outcome = 'applied' AND b.sender_kind = 'municipality'`,
        )
          .pluck()
          .get(mark(ctx, 'proposals')) as number);
  return { bundles, proposals };
}

/** Seen: the mark moves to the last file received (news arriving later stays news). */
export function markNoticesSeen(ctx: AppContext, input: ParsedInput<'notices.seen'>): Notices {
  ctx.db.transaction(() => {
    const last = String(lastReception(ctx));
    for (const what of input.what === 'all' ? (['bundles', 'proposals'] as const) : [input.what]) writeSetting(ctx, MARKS[what], last);
  })();
  return readNotices(ctx);
}
