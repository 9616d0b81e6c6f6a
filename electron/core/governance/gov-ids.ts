import { createHash } from 'node:crypto';

/**
 * Ids of the governance records, derived from their natural key and the hub's id (SHA-256 laid
 * out as a UUID of version 8, as hub/hub-ids.ts does for services and members): a plan version,
 * a statement or a proposal's status keeps one id for ever and needs no lookup table. The key
 * space is prefixed by the kind, so no id collides with another kind's (nor the proposal's own).
 */
export function govRecordId(hubId: string, kind: 'proposal_status' | 'plan_version' | 'cost_statement' | 'consortium_report' | 'consortium_report_part', key: string): string {
  const b = createHash('sha256').update(`cst-desk/${hubId}/${kind}/${key}`, 'utf8').digest().subarray(0, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x80;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
