import { createHash } from 'node:crypto';
import type { IdSource } from '../../platform/context';
import { uuidV7 } from '../../platform/defaults';

/**
 * Everything random in the national demo comes from its seed through SHA-256 with a label, so
 * the same seed rebuilds the same members (keys, records, ids) and two members never share a
 * random stream (a 32-bit generator seeded per member would: its streams overlap).
 */
function digest(seed: number, ...labels: string[]): Buffer {
  return createHash('sha256').update(`cst-national/${seed}/${labels.join('/')}`).digest();
}

/** The seed of an installation's keys (hub or member): keys.ts derives the keys from it. */
export function keySeed(seed: number, who: string): Buffer {
  return digest(seed, 'keys', who);
}

/** The 32-bit seed of a member's records (fillDemo's generator). */
export function recordSeed(seed: number, istat: string): number {
  return digest(seed, 'records', istat).readUInt32BE(0);
}

const ID_EPOCH_MS = Date.UTC(2016, 0, 1);
/** Milliseconds of id time per member: more than the ids a member mints in twenty years. */
const ID_SPAN_MS = 2 ** 24;

/**
 * Record ids of the `index`-th simulated member: UUIDv7 as the app mints them (platform/defaults.ts),
 * with a time that grows from one member to the next. A real hub receives ids in roughly the
 * order they were minted (members sync every few minutes), so its id-keyed tables grow at their
 * end; members simulated one after the other must keep that order too, or the import would
 * measure random inserts no real hub does.
 */
export function memberIds(seed: number, istat: string, index: number): IdSource {
  const base = ID_EPOCH_MS + index * ID_SPAN_MS;
  const stream = digest(seed, 'ids', istat);
  let n = 0;
  return {
    uuid() {
      n += 1;
      const random = createHash('sha256').update(stream).update(String(n)).digest().subarray(0, 10);
      return uuidV7(base + n, random);
    },
  };
}
