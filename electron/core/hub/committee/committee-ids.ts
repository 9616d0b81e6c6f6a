import { createHash } from 'node:crypto';

/**
 * Ids of the Technical Committee's records (issue 15), derived from their natural key and their
 * writer's id as hub/records/hub-ids.ts does (SHA-256 laid out as a UUID of version 8):
 * - a member's designation: `cst-desk/<istat>/technician_designation/<istat>` — one record per
 *   member, so every change or ending is a new version of the same record;
 * - the hub's seat of a member: `cst-desk/<hub>/committee_seat/<istat>`.
 */
function committeeRecordId(writer: string, kind: 'technician_designation' | 'committee_seat', key: string): string {
  const b = createHash('sha256').update(`cst-desk/${writer}/${kind}/${key}`, 'utf8').digest().subarray(0, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x80;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const designationRecordId = (istat: string) => committeeRecordId(istat, 'technician_designation', istat);
export const seatRecordId = (hubId: string, istat: string) => committeeRecordId(hubId, 'committee_seat', istat);
