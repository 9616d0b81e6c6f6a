import { describe, expect, it } from 'vitest';
import { randomIds, uuidV7 } from '../../electron/core/platform/defaults';
import { RecordId } from '../../shared/records/common';

describe('record ids (UUIDv7)', () => {
  it('lays out milliseconds, version and variant as RFC 9562 says', () => {
    // RFC 9562 appendix A.6: 2022-02-22 19:22:22 UTC = 0x017F22E279B0 ms.
    const id = uuidV7(0x017f22e279b0, Uint8Array.from([0x0c, 0xc3, 0x98, 0xc4, 0xdc, 0x0c, 0x0c, 0x07, 0x39, 0x8f]));
    expect(id).toBe('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
    expect(RecordId.safeParse(id).success).toBe(true);
  });

  it('are valid record ids, unique, and in time order across milliseconds', () => {
    const ids = Array.from({ length: 2000 }, () => randomIds.uuid());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const a = uuidV7(1_764_150_000_000);
    const b = uuidV7(1_764_150_000_001);
    expect(a < b).toBe(true);
  });
});
