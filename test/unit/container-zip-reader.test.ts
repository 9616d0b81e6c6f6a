import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { openZip, ZipError } from '../../electron/core/format/container/zip-reader';
import type { ZipArchive, ZipRules } from '../../electron/core/format/container/zip-reader';
import { ANY_NAME_RULES, BUNDLE_RULES, rawZip, refusal, withTmpDir } from './container-fixtures';
import type { RawEntry, RawZipOptions } from './container-fixtures';

const A: RawEntry = { name: 'manifest.json', data: Buffer.from('{"a":1}') };
const B: RawEntry = { name: 'events.ndjson', data: Buffer.from('{"seq":1}\n{"seq":2}\n') };

function openRaw(entries: RawEntry[], opts?: RawZipOptions, rules: ZipRules = ANY_NAME_RULES): ZipArchive {
  return openZip(rawZip(entries, opts), rules);
}

function expectFormat(fn: () => unknown, detail: RegExp): void {
  const err = refusal(fn);
  expect(err.code).toBe('format');
  expect(err.message).toMatch(detail);
}

async function drain(stream: NodeJS.ReadableStream): Promise<{ bytes: number; error: unknown }> {
  let bytes = 0;
  try {
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
  } catch (error) {
    return { bytes, error };
  }
  return { bytes, error: null };
}

describe('zip reader: accepts', () => {
  it('a plain archive, from a buffer and from a file, with stored and deflated entries', () => {
    const bytes = rawZip([A, { ...B, method: 0 }]);
    const fromBuffer = openZip(bytes, BUNDLE_RULES);
    expect(fromBuffer.entries.map((e) => [e.name, e.method])).toEqual([['manifest.json', 8], ['events.ndjson', 0]]);
    expect(fromBuffer.readEntry('manifest.json')).toEqual(A.data);
    withTmpDir((dir) => {
      writeFileSync(join(dir, 'x.cstb'), bytes);
      const fromFile = openZip({ path: join(dir, 'x.cstb') }, BUNDLE_RULES);
      expect(fromFile.readEntry('events.ndjson')).toEqual(B.data);
    });
  });

  it('streams an entry with the same checks', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 'x');
    const zip = openRaw([{ name: 'events.ndjson', data: big }]);
    const { bytes, error } = await drain(zip.entryStream('events.ndjson'));
    expect(error).toBeNull();
    expect(bytes).toBe(big.length);
  });

  it('an end-record comment and well-formed extra fields', () => {
    const extra = Buffer.from([0x55, 0x54, 0x05, 0x00, 0x03, 1, 2, 3, 4]);
    const zip = openRaw([{ ...A, localExtra: extra, centralExtra: extra }], { comment: Buffer.from('hello') });
    expect(zip.readEntry('manifest.json')).toEqual(A.data);
  });
});

describe('zip reader: refuses (format)', () => {
  it('trailing bytes after the end record', () => {
    expectFormat(() => openRaw([A], { suffix: Buffer.from('x') }), /bytes after the end-of-central-directory/);
  });

  it('leading bytes, with consistent offsets or shifted ones', () => {
    expectFormat(() => openRaw([A], { prefix: Buffer.from('MZ\0\0') }), /bytes before the first local header/);
    expectFormat(() => openZip(Buffer.concat([Buffer.from('x'), rawZip([A])]), ANY_NAME_RULES), /central directory and the end record/);
  });

  it('bytes between entries and before the central directory', () => {
    expectFormat(() => openRaw([A, { ...B, gapBefore: Buffer.from('hidden') }]), /unaccounted bytes before entry "events.ndjson"/);
    expectFormat(() => openRaw([A], { beforeEnd: Buffer.from('hidden') }), /central directory and the end record/);
  });

  it('duplicate names', () => {
    expectFormat(() => openRaw([A, { ...A, data: Buffer.from('{"b":2}') }]), /duplicate name/);
  });

  it.each([
    ['../x', /"\.\/", "\.\.\/"/],
    ['files/../manifest.json', /"\.\/", "\.\.\/"/],
    ['./manifest.json', /"\.\/", "\.\.\/"/],
    ['/abs', /absolute path/],
    ['C:/x', /absolute path/],
    ['a\\b', /backslash/],
    ['dir/', /directory entry/],
    ['', /empty name/],
  ])('the unsafe name %j, even when the caller would allow it', (name, detail) => {
    expectFormat(() => openRaw([{ name, data: Buffer.alloc(0), method: 0 }]), detail);
  });

  it('a name outside the allowed set', () => {
    expectFormat(() => openRaw([A, { name: 'evil.txt', data: Buffer.from('x') }], {}, BUNDLE_RULES), /"evil.txt": name not allowed/);
    expectFormat(() => openRaw([{ name: 'files/ABC', data: Buffer.from('x') }], {}, BUNDLE_RULES), /name not allowed/);
  });

  it('a directory or symlink by its attributes', () => {
    expectFormat(() => openRaw([{ ...A, externalAttrs: 0x10 }]), /directory entry/);
    expectFormat(() => openRaw([{ ...A, externalAttrs: (0o120777 << 16) >>> 0 }]), /not a regular file/);
  });

  it('encrypted entries', () => {
    expectFormat(() => openRaw([{ ...A, flags: 0x0001 }]), /encrypted entry/);
    expectFormat(() => openRaw([{ ...A, flags: 0x0040 }]), /encrypted entry/);
  });

  it('unknown flags', () => {
    expectFormat(() => openRaw([{ ...A, flags: 0x0010 }]), /unsupported general-purpose flags/);
  });

  it('compression methods other than 0 and 8', () => {
    expectFormat(() => openRaw([{ ...A, method: 12, rawBody: A.data }]), /compression method 12 not allowed/);
  });

  it('a local header that disagrees with the central directory', () => {
    expectFormat(() => openRaw([{ ...A, local: { name: 'manifest.jsoN' } }]), /disagrees .*\(name\)/);
    expectFormat(() => openRaw([{ ...A, local: { method: 0 } }]), /disagrees .*\(method\)/);
    expectFormat(() => openRaw([{ ...A, local: { crc: 1 } }]), /disagrees .*\(CRC-32\)/);
    expectFormat(() => openRaw([{ ...A, local: { size: 99 } }]), /disagrees .*\(size\)/);
    expectFormat(() => openRaw([{ ...A, local: { compressedSize: 1 } }]), /disagrees .*\(compressed size\)/);
    expectFormat(() => openRaw([{ ...A, local: { flags: 0x0800 } }]), /disagrees .*\(flags\)/);
  });

  it('a CRC-32 that does not match the data (declared consistently in both headers)', async () => {
    const zip = openRaw([{ ...A, crc: 0x12345678 }]);
    expectFormat(() => zip.readEntry('manifest.json'), /CRC-32 mismatch/);
    const { error } = await drain(zip.entryStream('manifest.json'));
    expect(error).toBeInstanceOf(ZipError);
    expect((error as ZipError).message).toMatch(/CRC-32 mismatch/);
  });

  it('inflated bytes fewer than declared, damaged deflate, bytes after the deflate stream', () => {
    expectFormat(() => openRaw([{ ...A, size: A.data.length + 5 }]).readEntry('manifest.json'), /inflated size 7 ≠ declared 12/);
    const deflated = deflateRawSync(A.data);
    expectFormat(() => openRaw([{ ...A, rawBody: deflated.subarray(0, 3) }]).readEntry('manifest.json'), /deflate data damaged/);
    expectFormat(
      () => openRaw([{ ...A, rawBody: Buffer.concat([deflated, Buffer.from('junk')]) }]).readEntry('manifest.json'),
      /bytes after the end of the deflate stream/,
    );
  });

  it('a deflate bomb whose declared size is small: inflation stops at the declared size', async () => {
    const bomb = deflateRawSync(Buffer.alloc(256 * 1024 * 1024));
    const zip = openRaw([{ name: 'events.ndjson', data: Buffer.alloc(1000), rawBody: bomb }]);
    const started = Date.now();
    expectFormat(() => zip.readEntry('events.ndjson'), /inflates to more than its declared 1000 bytes/);
    const { bytes, error } = await drain(zip.entryStream('events.ndjson'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect((error as ZipError).message).toMatch(/inflates to more than its declared 1000 bytes/);
    expect(bytes).toBeLessThanOrEqual(1000);
  });

  it('overlapping entries', () => {
    // The first stored entry claims 10 more bytes: its data runs over the second local header.
    const first: RawEntry = { ...A, method: 0, size: A.data.length + 10, compressedSize: A.data.length + 10 };
    expectFormat(() => openRaw([first, B]), /overlap/);
    // A second central entry pointing at the first local header: refused by the name check.
    expectFormat(() => openRaw([A, { ...B, offset: 0 }]), /disagrees .*\(/);
  });

  it('ZIP64 markers, extra fields and records', () => {
    expectFormat(() => openRaw([{ ...A, size: 0xffffffff, local: { size: 0xffffffff } }]), /ZIP64/);
    expectFormat(() => openRaw([A], { end: { entries: 0xffff } }), /ZIP64/);
    expectFormat(() => openRaw([A], { end: { cdOffset: 0xffffffff } }), /ZIP64/);
    const zip64Extra = Buffer.concat([Buffer.from([0x01, 0x00, 0x08, 0x00]), Buffer.alloc(8)]);
    expectFormat(() => openRaw([{ ...A, centralExtra: zip64Extra }]), /ZIP64 extra field/);
    expectFormat(() => openRaw([{ ...A, localExtra: zip64Extra }]), /ZIP64 extra field/);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    expectFormat(() => openRaw([A], { beforeEnd: locator }), /ZIP64/);
  });

  it('malformed extra fields, multi-disk archives, a non-ASCII name without the UTF-8 flag, an ambiguous end record', () => {
    expectFormat(() => openRaw([{ ...A, centralExtra: Buffer.from([0x55, 0x54, 0x09, 0x00, 1]) }]), /malformed extra field/);
    expectFormat(() => openRaw([A], { end: { disk: 1 } }), /multi-disk/);
    const latin1Name = Buffer.from('caf\xe9', 'latin1').toString('latin1');
    expectFormat(() => openRaw([{ name: latin1Name, data: Buffer.from('x') }]), /non-ASCII name without the UTF-8 flag/);
    const fakeEnd = Buffer.alloc(22);
    fakeEnd.writeUInt32LE(0x06054b50, 0);
    expectFormat(() => openRaw([A], { comment: fakeEnd }), /ambiguous end-of-central-directory/);
  });

  it('a file that is not a ZIP at all, or is truncated', () => {
    expectFormat(() => openZip(Buffer.from('age-encryption.org/v1\n'), ANY_NAME_RULES), /too short|no end-of-central-directory/);
    const whole = rawZip([A, B]);
    expectFormat(() => openZip(whole.subarray(0, whole.length - 30), ANY_NAME_RULES), /end-of-central-directory|bytes after/);
  });

  it('reading an absent entry', () => {
    expectFormat(() => openRaw([A]).readEntry('events.ndjson'), /missing entry "events.ndjson"/);
  });
});

describe('zip reader: limits, checked before inflating', () => {
  // The body is not even valid deflate: a limit error proves nothing was inflated first.
  const garbage: RawEntry = { name: 'events.ndjson', data: Buffer.alloc(5000), rawBody: Buffer.from('not deflate') };

  it('one entry over its limit', () => {
    const err = refusal(() => openRaw([garbage], {}, { ...ANY_NAME_RULES, maxEntryBytes: (n) => (n === 'events.ndjson' ? 4999 : 1e9) }));
    expect(err.code).toBe('limit');
    expect(err.message).toMatch(/"events.ndjson" declares 5000 bytes, limit 4999/);
  });

  it('the total over its limit, and too many entries', () => {
    expect(refusal(() => openRaw([garbage, A], {}, { ...ANY_NAME_RULES, maxTotalBytes: 5000 })).code).toBe('limit');
    expect(refusal(() => openRaw([garbage, A], {}, { ...ANY_NAME_RULES, maxEntries: 1 })).code).toBe('limit');
  });

  it('format defects are reported before limits', () => {
    expect(refusal(() => openRaw([{ ...garbage, flags: 1 }], {}, { ...ANY_NAME_RULES, maxEntries: 0 })).code).toBe('format');
  });
});
