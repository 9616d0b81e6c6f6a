/**
 * Who besides the peer a bundle of ours is encrypted to (docs/federation.md), so that the very
 * file can travel one level further unchanged:
 *   - a municipality whose hub reports to a regional hub encrypts to that regional hub too (the
 *     hub forwards it up);
 *   - a regional hub encrypts its stream for a province to every member the province vouches
 *     for too (the province forwards it down).
 * Each of them holds only what was already encrypted to it, so the bundle starts where the least
 * covered of them stands (the peer skips the events it already applied, format step 11).
 */
import type Database from 'better-sqlite3';
import type { Role } from '../../../../shared/domain/ids';
import { coverMembers, membersBelow } from './down-recipients';
import type { PeerRecord } from './peers-store';
import { markRegionalCovered, readRegionalRecipient } from './regional-recipient';

export interface ExtraRecipients {
  /** Their age recipients, after the peer's own. */
  ageRecipients: string[];
  /** The first event the bundle must carry for them (Infinity: no constraint). */
  from: number;
  /** After a bundle up to `lastSeq` was written: they hold it. */
  covered(lastSeq: number): void;
}

const NONE: ExtraRecipients = { ageRecipients: [], from: Infinity, covered() {} };

export function extraRecipients(db: Database.Database, us: Role, peer: Pick<PeerRecord, 'kind' | 'id'>): ExtraRecipients {
  if (us === 'municipality' && peer.kind === 'hub') {
    const regional = readRegionalRecipient(db);
    if (!regional) return NONE;
    return { ageRecipients: [regional.ageRecipient], from: regional.coveredSeq + 1, covered: (lastSeq) => markRegionalCovered(db, lastSeq) };
  }
  if (us === 'hub' && peer.kind === 'hub') {
    const below = membersBelow(db, peer.id);
    if (below.length === 0) return NONE;
    return { ageRecipients: below.map((m) => m.ageRecipient), from: Math.min(...below.map((m) => m.coveredSeq)) + 1, covered: (lastSeq) => coverMembers(db, below, lastSeq) };
  }
  return NONE;
}
