/** A member whose bundle is made entirely with Debian's tools (minisign, zip, age, sha256sum) is read by us. */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBundles } from '../../electron/core/sync/inbox/import';
import { confirmIdentity, importIdentity } from '../../electron/core/sync/peers/identity-exchange';
import { createWorkerVerifier } from '../../electron/core/format/worker/verifier';
import { tempDir } from '../helpers/temp-dir';
import { addMember, vectorHub } from './bundle-helpers';
import { line, usageData, uuid, vectorParty } from './bundle-craft';

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', input: '', stdio: ['pipe', 'pipe', 'pipe'] });
}

describe('interop: bundle made with minisign -S, zip -X -D, age -r', () => {
  it('imports the identity and the encrypted bundle (in the worker) and applies it', async () => {
    const dir = tempDir();
    run('minisign', ['-G', '-W', '-p', 'k.pub', '-s', 'k.key'], dir);
    const signingKey = readFileSync(join(dir, 'k.pub'), 'utf8').split('\n')[1] as string;
    run('age-keygen', ['-o', 'age.txt'], dir);
    const ageRecipient = /public key: (age1[0-9a-z]+)/.exec(readFileSync(join(dir, 'age.txt'), 'utf8'))![1] as string;
    const identity = { format: 'cst-identity', version: 1, kind: 'municipality', id: '041044', name: 'Pesaro', signing_key: signingKey, age_recipient: ageRecipient, created_at: '2026-11-26T09:00:00.000Z' };
    writeFileSync(join(dir, 'identity.json'), JSON.stringify(identity, null, 2));
    run('minisign', ['-S', '-s', 'k.key', '-m', 'identity.json', '-t', 'cst-identity v1 id=041044'], dir);
    run('zip', ['-X', '-D', '-q', 'pesaro.cstid', 'identity.json', 'identity.json.minisig'], dir);

    const t = vectorHub();
    addMember(t.backend.ctx.db, '041044', 'Pesaro');
    const peer = importIdentity(t.backend.ctx, readFileSync(join(dir, 'pesaro.cstid')));
    confirmIdentity(t.backend.ctx, '041044', peer.fingerprint);

    const l1 = line(1, 'usage', 'put', uuid(77), usageData({ note: 'fatto con gli strumenti Debian' }));
    writeFileSync(join(dir, 'events.ndjson'), Buffer.concat([l1, Buffer.from('\n')]));
    const sha = run('sha256sum', ['events.ndjson'], dir).split(' ')[0];
    const h1 = execFileSync('sh', ['-c', `{ head -c 32 /dev/zero; printf '%s' "$(head -n1 events.ndjson)"; } | sha256sum`], { cwd: dir, encoding: 'utf8' }).split(' ')[0];
    const hub = vectorParty('hub');
    const manifest = {
      format: 'cst-bundle',
      version: 1,
      schema: 1,
      bundle_id: '01a21751-dbe9-7c4b-a952-f44dc6f83be7',
      created_at: '2026-11-26T10:00:00.000Z',
      sender: { kind: 'municipality', id: '041044' },
      recipient: { kind: 'hub', id: 'CST-PU' },
      key_id: peer.keyId,
      events: { sha256: sha, bytes: l1.length + 1, count: 1, first_seq: 1, last_seq: 1, prev_hash: '0'.repeat(64), last_hash: h1 },
      files: [],
      ack: null,
      app: { name: 'shell', version: '1' },
    };
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    run('minisign', ['-S', '-s', 'k.key', '-m', 'manifest.json', '-t', 'cst-bundle v1 sender=041044 recipient=CST-PU first=1 last=1'], dir);
    run('zip', ['-X', '-D', '-q', 'b.zip', 'manifest.json', 'events.ndjson', 'manifest.json.minisig'], dir);
    const age = spawnSync('age', ['-r', hub.ageRecipient, '-o', 'b.cstb', 'b.zip'], { cwd: dir });
    expect(age.status).toBe(0);

    const verifier = createWorkerVerifier();
    try {
      const [r] = await importBundles(t.backend.ctx, [{ path: join(dir, 'b.cstb') }], { verifier });
      expect(r).toMatchObject({ outcome: 'applied', eventsApplied: 1, sender: { kind: 'municipality', id: '041044' } });
    } finally {
      await verifier.close();
    }
    const data = t.backend.ctx.db.prepare('SELECT data FROM received_records_data WHERE owner = ?').pluck().get('041044') as string;
    expect(JSON.parse(data).note).toBe('fatto con gli strumenti Debian');
  });
});
