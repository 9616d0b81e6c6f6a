/** The shared-folder courier on a real folder: names it takes, names it ignores, damage, removal. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CourierError } from '../../electron/core/sync/network/courier';
import { createFolderCourier } from '../../electron/core/sync/network/folder-courier';
import { tempDir } from '../helpers/temp-dir';

function file(dir: string, content: string) {
  const bytes = Buffer.from(content);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const path = join(dir, `${sha256}.src`);
  writeFileSync(path, bytes);
  return { path, sha256, bytes: bytes.length };
}

describe('folder courier', () => {
  it('sends by temp name and rename, lists only whole bundle names, checks the SHA-256, removes tolerantly', async () => {
    const folder = tempDir();
    const src = tempDir();
    const town = createFolderCourier({ folder, self: '041067' });
    const hub = createFolderCourier({ folder, self: 'hub' });
    const a = file(src, 'bundle a');
    expect(await town.sendState('hub', a.sha256)).toBe('absent');
    const progress: number[] = [];
    expect(await town.send('hub', a, (done) => progress.push(done))).toBe('waiting');
    expect(progress.at(-1)).toBe(a.bytes);
    expect(readdirSync(join(folder, 'hub'))).toEqual([`${a.sha256}.cstb`]); // no temp file left
    expect(await town.send('hub', a)).toBe('waiting'); // idempotent
    expect(await town.sendState('hub', a.sha256)).toBe('waiting');

    // What a sync client or a half-finished writer leaves is never taken.
    writeFileSync(join(folder, 'hub', `${a.sha256} (1).cstb`), 'conflict copy');
    writeFileSync(join(folder, 'hub', `.${a.sha256}.abc.tmp`), 'half');
    writeFileSync(join(folder, 'hub', `${'A'.repeat(64)}.cstb`), 'upper case');
    const bad = 'b'.repeat(64);
    writeFileSync(join(folder, 'hub', `${bad}.cstb`), 'does not hash to its name');
    const listed = await hub.list();
    expect(listed.items.map((i) => i.sha256).sort()).toEqual([a.sha256, bad].sort());
    expect(listed.more).toBe(false);
    const paged = await hub.list(undefined, 1);
    expect(paged.more).toBe(true);
    expect((await hub.list(paged.items[0]!.sha256, 1)).more).toBe(false);

    const dest = join(tempDir(), 'in.cstb');
    await hub.fetch(listed.items.find((i) => i.sha256 === a.sha256)!, dest);
    expect(readFileSync(dest, 'utf8')).toBe('bundle a');
    const damaged = join(tempDir(), 'bad.cstb');
    await expect(hub.fetch(listed.items.find((i) => i.sha256 === bad)!, damaged)).rejects.toMatchObject({ reason: 'corrupt' });
    expect(readdirSync(join(damaged, '..'))).toEqual([]); // no .part left

    await hub.remove(a.sha256);
    await hub.remove(a.sha256); // gone already is fine
    expect(await town.sendState('hub', a.sha256)).toBe('absent');
    expect(await town.list()).toEqual({ items: [], more: false }); // nothing for the town yet
  });

  it('a share that is not there is offline; names outside the two shapes are refused', async () => {
    const missing = join(tempDir(), 'not-mounted');
    const town = createFolderCourier({ folder: missing, self: '041067' });
    const err = await town.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CourierError);
    expect((err as CourierError).reason).toBe('offline');
    const folder = tempDir();
    mkdirSync(join(folder, 'hub'));
    const ok = createFolderCourier({ folder, self: 'hub' });
    await expect(ok.sendState('../hub', 'a'.repeat(64))).rejects.toMatchObject({ reason: 'refused' });
    await expect(ok.remove('../../etc/passwd')).rejects.toMatchObject({ reason: 'refused' });
  });
});
