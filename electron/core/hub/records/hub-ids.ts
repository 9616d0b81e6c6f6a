import { createHash } from 'node:crypto';

/**
 * Ids of the hub's records that have a natural key: a service is its code, a member its ISTAT
 * code. The record id is derived from that key and the hub's id (SHA-256, laid out as a UUID
 * of version 8, RFC 9562), so it never changes, needs no lookup table, and the same code always
 * names the same record, even after a delete and a new put. Two hubs never share an id.
 * Courses and groups have no natural key: they get a random UUID when created.
 */
export function derivedRecordId(hubId: string, kind: 'service' | 'member', key: string): string {
  const b = createHash('sha256').update(`cst-desk/${hubId}/${kind}/${key}`, 'utf8').digest().subarray(0, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x80;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
