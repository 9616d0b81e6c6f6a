/** Interoperability with Debian's minisign 0.11 (the tool a third party audits bundles with). */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  generateSigningKeyPair,
  minisignPublicKeyString,
  parseMinisignPublicKeyFile,
  signMinisign,
  verifyMinisign,
} from '../../electron/core/format/crypto/minisign';
import { withTmpDir } from './container-fixtures';

const MINISIGN = '/usr/bin/minisign';

function minisign(args: string[], cwd: string): { status: number | null; out: string } {
  const r = spawnSync(MINISIGN, args, { cwd, encoding: 'utf8', input: '' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('interop: minisign', () => {
  it('minisign -V -H accepts our signature and prints our trusted comment', () => {
    withTmpDir((dir) => {
      const key = generateSigningKeyPair();
      const file = join(dir, 'manifest.json');
      const data = Buffer.from('{"format":"cst-bundle","è":"✓"}\n');
      writeFileSync(file, data);
      writeFileSync(join(dir, 'manifest.json.minisig'), signMinisign(data, key, 'cst-bundle v1 sender=041067 recipient=CST-PU first=1 last=3'));
      const pub = minisignPublicKeyString(key.publicKey, key.keyId);
      const ok = minisign(['-V', '-H', '-m', file, '-x', join(dir, 'manifest.json.minisig'), '-P', pub], dir);
      expect(ok.status).toBe(0);
      expect(ok.out).toContain('Trusted comment: cst-bundle v1 sender=041067 recipient=CST-PU first=1 last=3');

      writeFileSync(file, Buffer.concat([data, Buffer.from('x')]));
      const bad = minisign(['-V', '-H', '-m', file, '-x', join(dir, 'manifest.json.minisig'), '-P', pub], dir);
      expect(bad.status).not.toBe(0);
    });
  });

  it('we accept minisign-made signatures, refuse its legacy ones and a wrong key id', () => {
    withTmpDir((dir) => {
      execFileSync(MINISIGN, ['-G', '-W', '-p', 'k.pub', '-s', 'k.key'], { cwd: dir, stdio: 'pipe' });
      const pub = parseMinisignPublicKeyFile(readFileSync(join(dir, 'k.pub'), 'utf8'));
      const data = Buffer.from('identity bytes\n');
      writeFileSync(join(dir, 'f'), data);
      execFileSync(MINISIGN, ['-S', '-s', 'k.key', '-m', 'f', '-t', 'cst-identity v1 id=CST-PU'], { cwd: dir, stdio: 'pipe' });
      const sig = readFileSync(join(dir, 'f.minisig'));
      expect(verifyMinisign(data, sig, pub)).toEqual({ ok: true, trustedComment: 'cst-identity v1 id=CST-PU', keyId: pub.keyId });
      expect(verifyMinisign(Buffer.from('other'), sig, pub)).toEqual({ ok: false, reason: 'signature' });
      const other = generateSigningKeyPair();
      expect(verifyMinisign(data, sig, { keyId: other.keyId, publicKey: pub.publicKey })).toEqual({ ok: false, reason: 'key_id' });

      execFileSync(MINISIGN, ['-S', '-l', '-s', 'k.key', '-m', 'f', '-x', 'legacy.minisig', '-t', 'x'], { cwd: dir, stdio: 'pipe' });
      expect(verifyMinisign(data, readFileSync(join(dir, 'legacy.minisig')), pub)).toEqual({ ok: false, reason: 'legacy' });
    });
  });
});
