/**
 * Hub: publishing the members' proposals and relaying their joins (issue 13 item 5), inside the
 * transaction that applies a member's bundle, as hub events (like the resubmission of a returned
 * proposal in governance): the exchange that brings a proposal, a new version, a withdrawal or a
 * join also publishes it, with no step for the office to forget.
 *
 * - `proposal` → `shared_proposal`: a submitted or withdrawn proposal is published with its
 *   title and content (drafts never leave the hub); a new version is published again.
 * - `proposal_join` → `shared_proposal_join`: a member's join of a proposal the hub holds from
 *   another member is relayed (a join of one's own proposal, or of a proposal the hub does not
 *   hold, stays in the member's stream but is not relayed).
 *
 * Both are state-setting and idempotent: a record is written only when what would be published
 * differs from what was (so a fork's replay or rewind, fed new state → previous state, writes
 * only the corrections). No `reset`: rewind-stream.ts then feeds the removed events backwards.
 */
import type Database from 'better-sqlite3';
import type { ProposalData } from '../../../../shared/records/proposals';
import { sharedJoinKind, sharedProposalKind, type ProposalJoinData, type SharedJoinData, type SharedProposalData } from '../../../../shared/records/proposal-joins';
import type { AppContext } from '../../platform/context';
import type { Projector, RecordChange } from '../../platform/records/projector';
import { stmt } from '../../platform/store/statements';
import { peerNoOf, receivedEventAt } from '../../sync/inbox/event-at';
import { deleteRecord, operatorName, putRecord } from '../../sync/records/record-events';
import { writeSharedJoin, writeSharedProposal } from './proposal-joiners';
import { sharedJoinId, sharedProposalId } from './sharing-ids';

/** The hub's id, or null on a municipality (these projectors then have nothing to do). */
export function hubIdOf(db: Database.Database): string | null {
  const row = stmt(db, 'SELECT role, id FROM installation WHERE singleton = 1').get() as { role: string; id: string } | undefined;
  return row?.role === 'hub' ? row.id : null;
}

/**
 * What a hub event written while a bundle is applied needs: the database, and a time never
 * before the hub's last event (the reception of the bundle, or later).
 */
export function writeContext(db: Database.Database): AppContext {
  const received = (stmt(db, 'SELECT max(received_at) FROM received_bundles').pluck().get() as string | null) ?? '';
  const last = (stmt(db, 'SELECT at FROM outbox ORDER BY seq DESC LIMIT 1').pluck().get() as string | undefined) ?? '';
  const at = received > last ? received : last || new Date().toISOString();
  // putRecord, deleteRecord and operatorName read only the database and the clock.
  return { db, clock: { now: () => at } } as unknown as AppContext;
}

/** Without `updated_by`: two publications with the same content are the same publication. */
export function sameContent(a: string | undefined, b: object | null): boolean {
  if (a === undefined || b === null) return a === undefined && b === null;
  const strip = (o: object) => JSON.stringify({ ...o, updated_by: '' });
  return strip(JSON.parse(a) as object) === strip(b);
}

/** Collects the last change of each record of one kind in a bundle, and publishes them at close. */
function publisher(kind: string, publish: (db: Database.Database, hubId: string, changes: RecordChange[]) => void): Projector {
  return {
    kind,
    open(db) {
      const hubId = hubIdOf(db);
      const last = new Map<string, RecordChange>();
      return {
        project(c) {
          if (hubId) last.set(`${c.owner}/${c.id}`, c);
        },
        close() {
          if (hubId && last.size > 0) publish(db, hubId, [...last.values()]);
          last.clear();
        },
      };
    },
  };
}

function sharedProposalOf(owner: string, id: string, d: ProposalData | null): Omit<SharedProposalData, 'updated_by'> | null {
  if (!d || (d.status !== 'submitted' && d.status !== 'withdrawn') || d.version < 1) return null;
  return {
    proposer: owner,
    proposal_id: id,
    status: d.status,
    version: d.version,
    title: d.title,
    problem: d.problem,
    solution: d.solution,
    benefits: d.benefits,
    beneficiaries: d.beneficiaries,
    one_off_cents: d.one_off_cents,
    yearly_cents: d.yearly_cents,
    submitted_at: d.submitted_at,
  };
}

export const proposalPublisher = publisher('proposal', (db, hubId, changes) => {
  const ctx = writeContext(db);
  const current = stmt(db, 'SELECT data FROM shared_proposals WHERE record_id = ?').pluck();
  for (const c of changes) {
    const recordId = sharedProposalId(hubId, c.owner, c.id);
    const next = sharedProposalOf(c.owner, c.id, c.data as unknown as ProposalData | null);
    const was = current.get(recordId) as string | undefined;
    if (sameContent(was, next)) continue;
    if (next) {
      const data = putRecord(ctx, sharedProposalKind, recordId, { ...next, updated_by: operatorName(ctx) });
      writeSharedProposal(db, recordId, data, ctx.clock.now());
    } else {
      deleteRecord(ctx, sharedProposalKind, recordId);
      writeSharedProposal(db, recordId, null, ctx.clock.now());
    }
  }
});

export const joinRelay = publisher('proposal_join', (db, hubId, changes) => {
  const ctx = writeContext(db);
  const current = stmt(db, 'SELECT data FROM shared_proposal_joins WHERE record_id = ?').pluck();
  const held = stmt(db, 'SELECT 1 FROM hub_proposals WHERE id = ? AND owner = ?').pluck();
  for (const c of changes) {
    const d = c.data as unknown as ProposalJoinData | null;
    // A delete carries no data: the proposal it named is the one the previous state named.
    const key = d ?? (c.previous as unknown as ProposalJoinData | null);
    if (!key || key.proposer === c.owner || !held.get(key.proposal_id, key.proposer)) continue;
    const recordId = sharedJoinId(hubId, c.owner, key.proposer, key.proposal_id);
    const peerNo = peerNoOf(db, 'municipality', c.owner);
    const changedAt = (peerNo !== undefined && receivedEventAt(db, peerNo, c.seq)) || ctx.clock.now();
    const next: Omit<SharedJoinData, 'updated_by'> | null = d ? { proposer: d.proposer, proposal_id: d.proposal_id, joiner: c.owner, status: d.status, note: d.note, changed_at: changedAt } : null;
    const was = current.get(recordId) as string | undefined;
    if (sameContent(was, next)) continue;
    if (next) {
      const data = putRecord(ctx, sharedJoinKind, recordId, { ...next, updated_by: operatorName(ctx) });
      writeSharedJoin(db, recordId, data, ctx.clock.now());
    } else {
      deleteRecord(ctx, sharedJoinKind, recordId);
      writeSharedJoin(db, recordId, null, ctx.clock.now());
    }
  }
});
