/**
 * Data descriptors (general-purpose flag bit 3), docs/bundle-format.md "Container": valid, and the
 * descriptor (with or without its signature) must equal the central directory's CRC and sizes.
 * Crafted archives for every way a descriptor can disagree; archives written by real streaming
 * writers (test/fixtures/zip-writers/, made by its make-fixtures.ts) for what the world produces.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { openZip } from '../../electron/core/format/container/zip-reader';
import { ANY_NAME_RULES, BUNDLE_RULES, dataDescriptor, rawZip, refusal } from './container-fixtures';
import type { RawEntry } from './container-fixtures';

const DD = 0x0008;
const data = Buffer.from('{"format":"cst-bundle","version":1}');
const body = deflateRawSync(data);
const truth = { crc: crc32(data), compressedSize: body.length, size: data.length };
/** As a streaming writer does it: zeros in the local header, the values after the data. */
const streamed = (over: Partial<RawEntry> = {}, d: Parameters<typeof dataDescriptor>[0] = truth): RawEntry => ({
  name: 'manifest.json',
  data,
  flags: DD,
  local: { crc: 0, compressedSize: 0, size: 0 },
  descriptor: dataDescriptor(d),
  ...over,
});
const B: RawEntry = { name: 'events.ndjson', data: Buffer.from('{"seq":1}\n') };

function expectFormat(entries: RawEntry[], detail: RegExp): void {
  const err = refusal(() => openZip(rawZip(entries), ANY_NAME_RULES));
  expect(err.code).toBe('format');
  expect(err.message).toMatch(detail);
}

describe('zip reader: data descriptors accepted', () => {
  it.each([
    ['with its signature', streamed()],
    ['without its signature', streamed({}, { ...truth, signature: false })],
    ['with the sizes also in the local header (Info-ZIP to a pipe)', streamed({ local: { crc: 0, compressedSize: 0 } })],
    ['with everything also in the local header', streamed({ local: undefined })],
    ['whose CRC-32 equals the descriptor signature (12-byte form, read by length)', streamed({ crc: 0x08074b50 }, { ...truth, crc: 0x08074b50, signature: false })],
  ])('%s, before another entry and last', (_label, entry) => {
    for (const entries of [[entry, B], [B, entry]]) {
      const zip = openZip(rawZip(entries), ANY_NAME_RULES);
      expect(zip.entries.map((e) => e.name).sort()).toEqual(['events.ndjson', 'manifest.json']);
      if (entry.crc === undefined) expect(zip.readEntry('manifest.json').equals(data)).toBe(true);
    }
  });

  it('a stored entry with a descriptor', () => {
    const zip = openZip(rawZip([streamed({ method: 0 }, { crc: truth.crc, compressedSize: data.length, size: data.length })]), ANY_NAME_RULES);
    expect(zip.readEntry('manifest.json').equals(data)).toBe(true);
  });
});

describe('zip reader: data descriptors refused', () => {
  it('a descriptor that disagrees with the central directory', () => {
    expectFormat([streamed({}, { ...truth, crc: truth.crc ^ 1 })], /"manifest.json": data descriptor disagrees with central directory \(CRC-32\)/);
    expectFormat([streamed({}, { ...truth, compressedSize: truth.compressedSize + 1 }), B], /data descriptor disagrees .*\(compressed size\)/);
    expectFormat([streamed({}, { ...truth, size: truth.size - 1, signature: false })], /data descriptor disagrees .*\(size\)/);
  });

  it('a local header value that is neither zero nor the central directory one', () => {
    expectFormat([streamed({ local: { crc: 0, compressedSize: 0, size: 7 } })], /local header disagrees .*\(size\)/);
    expectFormat([streamed({ local: { crc: 5, compressedSize: 0, size: 0 } })], /local header disagrees .*\(CRC-32\)/);
  });

  it('zeros in the local header without flag bit 3', () => {
    expectFormat([{ name: 'manifest.json', data, local: { crc: 0, compressedSize: 0, size: 0 } }], /local header disagrees .*\(CRC-32\)/);
  });

  it('flag bit 3 with no descriptor, a damaged one, or bytes after it', () => {
    expectFormat([streamed({ descriptor: undefined }), B], /"manifest.json": data descriptor missing/);
    expectFormat([streamed({ descriptor: dataDescriptor(truth).subarray(0, 10) })], /data descriptor malformed \(10 bytes/);
    expectFormat([streamed({ descriptor: Buffer.concat([dataDescriptor(truth), Buffer.alloc(40)]) }), B], /data descriptor malformed \(more than 24 bytes/);
    const unsigned16 = Buffer.concat([dataDescriptor({ ...truth, signature: false }), Buffer.alloc(4)]);
    expectFormat([streamed({ descriptor: unsigned16 })], /16 bytes without its signature/);
  });

  it('a ZIP64 descriptor (64-bit sizes belong to ZIP64, which the format refuses)', () => {
    expectFormat([streamed({}, { ...truth, zip64: true })], /ZIP64 data descriptor \(ZIP64 is not allowed\)/);
    expectFormat([streamed({}, { ...truth, zip64: true, signature: false }), B], /ZIP64 data descriptor/);
  });

  it('a descriptor on an entry without flag bit 3 is bytes nobody accounts for', () => {
    expectFormat([{ name: 'manifest.json', data, descriptor: dataDescriptor(truth) }, B], /unaccounted bytes before entry "events.ndjson"/);
  });
});

const fixture = (name: string) => readFileSync(new URL(`../fixtures/zip-writers/${name}`, import.meta.url));

describe('zip reader: archives written by real streaming writers', () => {
  it.each(['info-zip-pipe.cstb', 'info-zip-pipe-stored.cstb', 'python-stream.cstb', 'java-zipoutputstream.cstb'])('%s', (name) => {
    const bytes = fixture(name);
    expect(bytes.readUInt16LE(6) & DD).toBe(DD);
    const zip = openZip(bytes, BUNDLE_RULES);
    expect(zip.entries.map((e) => e.name)).toEqual(['manifest.json', 'events.ndjson', 'manifest.json.minisig']);
    expect(zip.readEntry('events.ndjson').toString('utf8').split('\n')).toHaveLength(4);
  });

  it('Info-ZIP forced to ZIP64 on a pipe (-fz): refused as ZIP64', () => {
    const bytes = fixture('info-zip-pipe-zip64.zip');
    expect(bytes.readUInt16LE(6) & DD).toBe(DD);
    expect(refusal(() => openZip(bytes, BUNDLE_RULES)).message).toMatch(/ZIP64/);
  });
});
