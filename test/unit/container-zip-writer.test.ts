import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createZipFileWriter } from '../../electron/core/format/container/zip-file-writer';
import { openZip } from '../../electron/core/format/container/zip-reader';
import { writeZip } from '../../electron/core/format/container/zip-writer';
import { ANY_NAME_RULES, BUNDLE_RULES, withTmpDirAsync } from './container-fixtures';

const entries = [
  { name: 'manifest.json', data: Buffer.from('{"format":"cst-bundle"}') },
  { name: 'events.ndjson', data: Buffer.from('{"seq":1}\n'.repeat(1000)) },
  { name: 'manifest.json.minisig', data: Buffer.from('sig\n'), method: 0 as const },
];

describe('zip writer', () => {
  it('is deterministic and round-trips through the strict reader', () => {
    const a = writeZip(entries);
    expect(writeZip(entries).equals(a)).toBe(true);
    const zip = openZip(a, BUNDLE_RULES);
    expect(zip.entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['manifest.json', 8, entries[0]?.data.length],
      ['events.ndjson', 8, 10_000],
      ['manifest.json.minisig', 0, 4],
    ]);
    for (const e of entries) expect(zip.readEntry(e.name)).toEqual(e.data);
  });

  it('writes the fixed DOS timestamp 1980-01-01 00:00 and no data descriptor', () => {
    const zip = writeZip([{ name: 'a', data: Buffer.from('x') }]);
    expect(zip.readUInt16LE(6)).toBe(0); // flags
    expect(zip.readUInt16LE(10)).toBe(0); // time
    expect(zip.readUInt16LE(12)).toBe(0x21); // date: 1980-01-01
  });

  it('handles an empty archive and empty entries', () => {
    expect(openZip(writeZip([]), ANY_NAME_RULES).entries).toEqual([]);
    const zip = openZip(writeZip([{ name: 'events.ndjson', data: Buffer.alloc(0) }, { name: 'manifest.json', data: Buffer.alloc(0), method: 0 }]), BUNDLE_RULES);
    expect(zip.readEntry('events.ndjson').length).toBe(0);
    expect(zip.readEntry('manifest.json').length).toBe(0);
  });

  it('refuses to write what a reader would refuse', () => {
    for (const name of ['../x', '/abs', 'a\\b', 'dir/', '']) {
      expect(() => writeZip([{ name, data: Buffer.alloc(0) }])).toThrow(/refusing to write/);
    }
    expect(() => writeZip([{ name: 'a', data: Buffer.alloc(0) }, { name: 'a', data: Buffer.alloc(0) }])).toThrow(/duplicate/);
  });

  it('sets the UTF-8 flag for non-ASCII names', () => {
    const zip = openZip(writeZip([{ name: 'perché.txt', data: Buffer.from('x') }]), ANY_NAME_RULES);
    expect(zip.readEntry('perché.txt').toString()).toBe('x');
  });
});

describe('zip file writer (streaming)', () => {
  it('writes the same bytes as writeZip, from buffers and streams', async () => {
    await withTmpDirAsync(async (dir) => {
      const path = join(dir, 'out.zip');
      const w = await createZipFileWriter(path);
      await w.addEntry('manifest.json', entries[0]?.data ?? Buffer.alloc(0));
      const chunks = Array.from({ length: 100 }, () => Buffer.from('{"seq":1}\n'.repeat(10)));
      await w.addEntry('events.ndjson', Readable.from(chunks));
      await w.addEntry('manifest.json.minisig', Readable.from([Buffer.from('si'), Buffer.from('g\n')]), 0);
      const size = await w.finish();
      const bytes = readFileSync(path);
      expect(bytes.length).toBe(size);
      expect(bytes.equals(writeZip(entries))).toBe(true);
    });
  });

  it('streams a large entry without holding it', async () => {
    await withTmpDirAsync(async (dir) => {
      const path = join(dir, 'big.zip');
      const w = await createZipFileWriter(path);
      const line = Buffer.from(`${'{"seq":1,"data":"abcdefghij"}'.padEnd(99, ' ')}\n`);
      async function* lines() {
        for (let i = 0; i < 200_000; i += 1) yield line;
      }
      await w.addEntry('events.ndjson', lines());
      await w.finish();
      const zip = openZip({ path }, BUNDLE_RULES);
      expect(zip.entries[0]?.size).toBe(20_000_000);
      let n = 0;
      for await (const chunk of zip.entryStream('events.ndjson')) n += (chunk as Buffer).length;
      expect(n).toBe(20_000_000);
    });
  });

  it('refuses a duplicate name and an unsafe name', async () => {
    await withTmpDirAsync(async (dir) => {
      const w = await createZipFileWriter(join(dir, 'x.zip'));
      await w.addEntry('a', Buffer.from('1'));
      await expect(w.addEntry('a', Buffer.from('2'))).rejects.toThrow(/duplicate/);
      await expect(w.addEntry('../b', Buffer.from('2'))).rejects.toThrow(/refusing to write/);
      await w.abort();
    });
  });
});
