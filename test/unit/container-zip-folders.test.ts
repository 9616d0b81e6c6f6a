/** Folder entries (`name/`), which archives made by a person carry: refused by default, skipped when asked. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openZip, ZipError } from '../../electron/core/format/container/zip-reader';
import { zipFolder } from '../helpers/member-identities';
import { tempDir } from '../helpers/temp-dir';

const rules = { allowedNames: () => true, maxEntries: 100, maxEntryBytes: () => 1024, maxTotalBytes: 4096 };

function folderZip(): Buffer {
  const parent = tempDir();
  mkdirSync(join(parent, 'soci', 'vuota'), { recursive: true });
  writeFileSync(join(parent, 'soci', 'a.txt'), 'uno');
  writeFileSync(join(parent, 'soci', 'b.txt'), 'due');
  return zipFolder(parent, 'soci');
}

describe('folder entries', () => {
  it('are refused by the strict reader of bundles and identity files', () => {
    expect(() => openZip(folderZip(), rules)).toThrow(ZipError);
    expect(() => openZip(folderZip(), rules)).toThrow(/directory entry/);
  });

  it('are left out with skipDirectories, the files still read and checked', () => {
    const zip = openZip(folderZip(), { ...rules, skipDirectories: true });
    expect(zip.entries.map((e) => e.name).sort()).toEqual(['soci/a.txt', 'soci/b.txt']);
    expect(zip.readEntry('soci/b.txt').toString()).toBe('due');
  });

  it('with content are refused even then', () => {
    const bytes = Buffer.from(folderZip());
    // Make the central directory say that `soci/vuota/` holds one byte.
    const at = bytes.lastIndexOf(Buffer.from('soci/vuota/')) - 46;
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    bytes.writeUInt32LE(1, at + 24);
    expect(() => openZip(bytes, { ...rules, skipDirectories: true })).toThrow(/directory entry with content/);
  });
});
