/** Interoperability with Info-ZIP (`unzip -t` must accept our archives; we must read `zip`'s). */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createZipFileWriter } from '../../electron/core/format/container/zip-file-writer';
import { openZip, ZipError } from '../../electron/core/format/container/zip-reader';
import { writeZip } from '../../electron/core/format/container/zip-writer';
import { BUNDLE_RULES, withTmpDir, withTmpDirAsync } from './container-fixtures';

const manifest = Buffer.from('{"format":"cst-bundle","version":1}');
const events = Buffer.from(Array.from({ length: 5000 }, (_, i) => `{"seq":${i + 1}}\n`).join(''));
const attachment = `files/${'ab'.repeat(32)}`;

function unzipTest(path: string): { status: number | null; out: string } {
  const r = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('interop: zip', () => {
  it('unzip -t accepts writeZip output, stored and deflated, empty entries too', () => {
    withTmpDir((dir) => {
      const path = join(dir, 'b.cstb');
      writeFileSync(
        path,
        writeZip([
          { name: 'manifest.json', data: manifest },
          { name: 'events.ndjson', data: events },
          { name: attachment, data: Buffer.alloc(0), method: 0 },
          { name: 'manifest.json.minisig', data: Buffer.from('sig\n'), method: 0 },
        ]),
      );
      const r = unzipTest(path);
      expect(r.out).toContain('No errors detected');
      expect(r.status).toBe(0);
      expect(execFileSync('unzip', ['-p', path, 'events.ndjson'], { maxBuffer: 1 << 24 }).equals(events)).toBe(true);
    });
  });

  it('unzip -t accepts the streaming file writer output', async () => {
    await withTmpDirAsync(async (dir) => {
      const path = join(dir, 'b.cstb');
      const w = await createZipFileWriter(path);
      await w.addEntry('manifest.json', manifest);
      await w.addEntry('events.ndjson', events);
      await w.finish();
      expect(unzipTest(path).status).toBe(0);
    });
  });

  it.each([
    ['zip -X (deflate, no extra fields)', ['-X']],
    ['zip -X -0 (stored)', ['-X', '-0']],
    ['zip (with its extra fields)', []],
  ])('reads an archive made by %s', (_label, flags) => {
    withTmpDir((dir) => {
      writeFileSync(join(dir, 'manifest.json'), manifest);
      writeFileSync(join(dir, 'events.ndjson'), events);
      execFileSync('zip', ['-q', ...flags, 'out.zip', 'manifest.json', 'events.ndjson'], { cwd: dir });
      const zip = openZip({ path: join(dir, 'out.zip') }, BUNDLE_RULES);
      expect(zip.entries.map((e) => e.name)).toEqual(['manifest.json', 'events.ndjson']);
      expect(zip.readEntry('manifest.json').equals(manifest)).toBe(true);
      expect(zip.readEntry('events.ndjson').equals(events)).toBe(true);
    });
  });

  it('reads what zip writes to a pipe (data descriptors); refuses names outside the set', () => {
    withTmpDir((dir) => {
      writeFileSync(join(dir, 'manifest.json'), manifest);
      writeFileSync(join(dir, 'events.ndjson'), events);
      writeFileSync(join(dir, 'notes.txt'), 'x');
      for (const level of ['-6', '-0']) {
        const piped = execFileSync('zip', ['-q', '-X', level, '-', 'manifest.json', 'events.ndjson'], { cwd: dir });
        expect(piped.readUInt16LE(6) & 0x0008).toBe(0x0008);
        const zip = openZip(piped, BUNDLE_RULES);
        expect(zip.readEntry('events.ndjson').equals(events)).toBe(true);
      }
      execFileSync('zip', ['-q', '-X', 'n.zip', 'manifest.json', 'notes.txt'], { cwd: dir });
      expect(() => openZip(readFileSync(join(dir, 'n.zip')), BUNDLE_RULES)).toThrow(ZipError);
      expect(() => openZip(readFileSync(join(dir, 'n.zip')), BUNDLE_RULES)).toThrow(/"notes.txt": name not allowed/);
    });
  });
});
