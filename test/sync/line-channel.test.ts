/**
 * The worker's line channel sends lines in small frames (the writer copies each frame out of
 * shared memory; big copies outlived young-generation collections and raised the import's
 * peak RSS), a line longer than a frame alone, every line, hash and pre-read intact and in order.
 */
import { describe, expect, it } from 'vitest';
import type { ChainHasher } from '../../electron/core/format/bundle/chain-hash';
import type { EventEnvelope } from '../../electron/core/format/bundle/line-check';
import type { PreRead } from '../../electron/core/format/bundle/pre-read';
import { ChannelReader, ChannelWriter, createChannelBuffer, FRAME_LINES, LineFrameReader, LINES_FRAME_BYTES, SLOTS } from '../../electron/core/format/bundle/line-channel';

/** A chain whose current hash is 32 bytes of `n`. */
function chainAt(n: number): ChainHasher {
  return { copyTo: (target: Buffer, offset: number) => Buffer.alloc(32, n).copy(target, offset) } as unknown as ChainHasher;
}

const usageData = {
  service: 'PEC',
  date: '2026-03-31',
  period: 'day',
  quantity_milli: 2500,
  beneficiaries: { citizens: 1, businesses: null, offices: null },
  channel: null,
  note: '',
  updated_by: 'Maria Rossi',
};

function envelope(i: number): EventEnvelope {
  if (i % 3 === 0) return { seq: i + 1, at: '2026-11-20T10:15:02.120Z', kind: 'usage', op: 'put', id: `u-${i}`, data: { ...usageData, quantity_milli: 1000 + i } };
  if (i % 3 === 1) return { seq: i + 1, at: '2026-11-20T10:15:02.120Z', kind: 'usage', op: 'delete', id: `città-${i}` };
  return { seq: i + 1, at: '2026-11-20T10:15:02.120Z', kind: 'staff', op: 'put', id: `s-${i}`, data: { name: 'Anna' } };
}

describe('line channel frames', () => {
  it('batches lines up to LINES_FRAME_BYTES, a longer line alone, nothing lost or reordered', () => {
    const sab = createChannelBuffer();
    const writer = new ChannelWriter(sab);
    const reader = new ChannelReader(sab, 1000);
    const lines = Array.from({ length: 600 }, (_, i) => Buffer.alloc(1000, 97 + (i % 26)));
    const big = Buffer.alloc(LINES_FRAME_BYTES + 10_000, 122);
    const sent = [...lines, big];
    sent.forEach((l, i) => writer.line(l, chainAt(i % 256), envelope(i)));
    writer.flush();
    const got: { line: Buffer; hash: Buffer; pre: PreRead }[] = [];
    const sizes: number[] = [];
    const frames = new LineFrameReader();
    for (let f = 0; f < SLOTS && got.length < sent.length; f += 1) {
      const frame = reader.next();
      expect(frame.type).toBe(FRAME_LINES);
      sizes.push(frame.bytes.length);
      frames.forEach(frame.bytes, (line, hash, pre) =>
        got.push({ line: Buffer.from(line), hash: Buffer.from(hash), pre: { ...pre, usage: pre.usage && { ...pre.usage } } }),
      );
    }
    expect(got.map((g) => g.line)).toEqual(sent);
    expect(got.map((g) => g.hash[0])).toEqual(sent.map((_, i) => i % 256));
    expect(sizes.slice(0, -1).every((n) => n <= LINES_FRAME_BYTES)).toBe(true);
    expect(sizes[sizes.length - 1]).toBeLessThan(36 + big.length + 64);
    // What the worker read travels with each line; usage figures only for a valid usage put.
    expect(got[0]?.pre).toEqual({ kind: 'usage', put: true, id: 'u-0', usage: { service: 'PEC', month: '2026-03', quantityMilli: 1000 } });
    expect(got[1]?.pre).toEqual({ kind: 'usage', put: false, id: 'città-1', usage: null });
    expect(got[2]?.pre).toEqual({ kind: 'staff', put: true, id: 's-2', usage: null });
    expect(got.map((g) => g.pre.id)).toEqual(sent.map((_, i) => envelope(i).id));
  });

  it('sends no usage figures for usage data the fast check does not vouch for', () => {
    const sab = createChannelBuffer();
    const writer = new ChannelWriter(sab);
    const reader = new ChannelReader(sab, 1000);
    const bad = { seq: 1, at: '2026-11-20T10:15:02.120Z', kind: 'usage', op: 'put' as const, id: 'x', data: { ...usageData, quantity_milli: -5 } };
    writer.line(Buffer.from('{}'), chainAt(1), bad);
    writer.flush();
    const pres: (PreRead['usage'] | undefined)[] = [];
    new LineFrameReader().forEach(reader.next().bytes, (_l, _h, pre) => pres.push(pre.usage));
    expect(pres).toEqual([null]);
  });

  it('repeating strings (kinds, services, months) are sent once; past 4,096 distinct ones, every time', () => {
    const sab = createChannelBuffer();
    const writer = new ChannelWriter(sab);
    const reader = new ChannelReader(sab, 1000);
    const frames = new LineFrameReader();
    const n = 10_000;
    const kinds: string[] = [];
    let sent = 0;
    const got: PreRead[] = [];
    const drain = () => {
      const f = reader.next();
      expect(f.type).toBe(FRAME_LINES);
      frames.forEach(f.bytes, (_l, _h, pre) => got.push({ ...pre, usage: pre.usage && { ...pre.usage } }));
    };
    for (let i = 0; i < n; i += 1) {
      // Every kind new, and each one again right after: the second one goes by index (or inline past the limit).
      const kind = `kind-${Math.floor(i / 2)}-ü`;
      kinds.push(kind);
      writer.line(Buffer.from('{}'), chainAt(i), { seq: i + 1, at: '2026-11-20T10:15:02.120Z', kind, op: 'delete', id: `id-${i}` });
      sent += 1;
      if (sent % 500 === 0) {
        writer.flush();
        drain();
      }
    }
    writer.flush();
    if (got.length < n) drain();
    expect(got.map((p) => p.kind)).toEqual(kinds);
    expect(got.map((p) => p.id)).toEqual(kinds.map((_, i) => `id-${i}`));
  });
});
