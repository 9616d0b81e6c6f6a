/**
 * The worker's line channel sends lines in small frames (the writer copies each frame out of
 * shared memory; big copies outlived young-generation collections and raised the import's
 * peak RSS), a line longer than a frame alone, every line and hash intact and in order.
 */
import { describe, expect, it } from 'vitest';
import { ChannelReader, ChannelWriter, createChannelBuffer, forEachFramedLine, FRAME_LINES, LINES_FRAME_BYTES, SLOTS } from '../../electron/core/workers/line-channel';

describe('line channel frames', () => {
  it('batches lines up to LINES_FRAME_BYTES, a longer line alone, nothing lost or reordered', () => {
    const sab = createChannelBuffer();
    const writer = new ChannelWriter(sab);
    const reader = new ChannelReader(sab, 1000);
    const lines = Array.from({ length: 600 }, (_, i) => Buffer.alloc(1000, 97 + (i % 26)));
    const big = Buffer.alloc(LINES_FRAME_BYTES + 10_000, 122);
    const sent = [...lines, big];
    sent.forEach((l, i) => writer.line(l, Buffer.alloc(32, i % 256)));
    writer.flush();
    const got: { line: Buffer; hash: Buffer }[] = [];
    const sizes: number[] = [];
    for (let f = 0; f < SLOTS && got.length < sent.length; f += 1) {
      const frame = reader.next();
      expect(frame.type).toBe(FRAME_LINES);
      sizes.push(frame.bytes.length);
      forEachFramedLine(frame.bytes, (line, hash) => got.push({ line: Buffer.from(line), hash: Buffer.from(hash) }));
    }
    expect(got.map((g) => g.line)).toEqual(sent);
    expect(got.map((g) => g.hash[0])).toEqual(sent.map((_, i) => i % 256));
    expect(sizes.slice(0, -1).every((n) => n <= LINES_FRAME_BYTES)).toBe(true);
    expect(sizes[sizes.length - 1]).toBe(36 + big.length);
  });
});
