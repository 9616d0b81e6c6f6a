/**
 * Issue 11, item 3: the decrypted copy of a received bundle (`inbox/tmp/…/plain.zip`) holds
 * personal data in clear; it is removed as soon as the import ends, applied or refused.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openHub, openTown } from './hub-helpers';

/** Every file left below `inbox/tmp`, however deep. */
function leftInTemp(dataDir: string): string[] {
  const root = join(dataDir, 'inbox', 'tmp');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('decrypted bundles do not outlive their import', () => {
  it('an encrypted bundle applied, then the same file damaged and refused: nothing left in inbox/tmp', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await town.must('usage.record', { service: 'PEC', date: '2026-10-01', quantity: '3' });
    const [sent] = await town.must('bundle.export', { inline: true });
    expect(sent!.encrypted).toBe(true);

    const [applied] = await hub.must('bundle.import', { files: [{ name: sent!.fileName, contentBase64: sent!.contentBase64! }] });
    expect(applied!.outcome).toBe('applied');
    expect(leftInTemp(hub.dataDir)).toEqual([]);

    // The same file with its last bytes altered: decrypted up to the damage, then refused.
    const bytes = Buffer.from(sent!.contentBase64!, 'base64');
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    const [refused] = await hub.must('bundle.import', { files: [{ name: 'danneggiato.cstb', contentBase64: bytes.toString('base64') }] });
    expect(refused!.outcome).not.toBe('applied');
    expect(leftInTemp(hub.dataDir)).toEqual([]);
  });
});
