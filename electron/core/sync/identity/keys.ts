import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ageRecipientFromIdentity, generateAgeIdentity } from '../../format/crypto/age';
import {
  generateSigningKeyPair,
  keyIdHex,
  minisignPublicKeyString,
  signingKeyPairFromSeed,
  type SigningKeyPair,
} from '../../format/crypto/minisign';
import { appError } from '../../platform/errors';
import { writeFileAtomic } from '../../platform/fs/atomic-write';

/** The installation's secret keys, as they live in the data directory. */
export interface InstallationKeys {
  signing: SigningKeyPair;
  keyId: string;
  signingKey: string;
  ageIdentity: string;
  ageRecipient: string;
}

export const KEYS_FILE = join('keys', 'secret.json');

/** Same shape as the test vectors' secret.json, so a person can use it with standard tools. */
const SecretFile = z
  .object({
    ed25519_seed: z.string().regex(/^[0-9a-f]{64}$/),
    key_id: z.string().regex(/^[0-9A-F]{16}$/),
    signing_key: z.string(),
    age_identity: z.string().startsWith('AGE-SECRET-KEY-1'),
    age_recipient: z.string().startsWith('age1'),
  })
  .strict();

/**
 * Creates new keys and stores the secret parts with mode 0600 (on Windows the user profile's
 * ACL protects the data directory). They are deliberately not wrapped with the OS keychain:
 * the CLI and the hub server must be able to use a data directory the desktop app created.
 */
export function createInstallationKeys(dataDir: string, seed?: Buffer): InstallationKeys {
  const signing = seed ? signingKeyPairFromSeed(derive(seed, 'ed25519'), derive(seed, 'key-id').subarray(0, 8)) : generateSigningKeyPair();
  const age = generateAgeIdentity(seed ? derive(seed, 'age') : undefined);
  const keys: InstallationKeys = {
    signing,
    keyId: keyIdHex(signing.keyId),
    signingKey: minisignPublicKeyString(signing.publicKey, signing.keyId),
    ageIdentity: age.identity,
    ageRecipient: age.recipient,
  };
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret: z.infer<typeof SecretFile> = {
    ed25519_seed: signing.seed.toString('hex'),
    key_id: keys.keyId,
    signing_key: keys.signingKey,
    age_identity: keys.ageIdentity,
    age_recipient: keys.ageRecipient,
  };
  const path = join(dataDir, KEYS_FILE);
  writeFileAtomic(path, `${JSON.stringify(secret, null, 2)}\n`, 0o600);
  chmodSync(path, 0o600);
  return keys;
}

/**
 * Keys derived from a seed are as good as its secrecy: only the national demo's simulated
 * members (docs: "A national data set") use one, so the same seed gives the same members' keys.
 */
function derive(seed: Buffer, purpose: string): Buffer {
  return createHash('sha256').update(`cst-desk-keys/${purpose}/`).update(seed).digest();
}

export function loadInstallationKeys(dataDir: string): InstallationKeys {
  const path = join(dataDir, KEYS_FILE);
  if (!existsSync(path)) {
    throw appError('keys.missing', { path });
  }
  const parsed = SecretFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw appError('keys.damaged', { path });
  const s = parsed.data;
  const keyIdBytes = Buffer.alloc(8);
  keyIdBytes.writeBigUInt64LE(BigInt(`0x${s.key_id}`));
  const signing = signingKeyPairFromSeed(Buffer.from(s.ed25519_seed, 'hex'), keyIdBytes);
  if (minisignPublicKeyString(signing.publicKey, signing.keyId) !== s.signing_key || ageRecipientFromIdentity(s.age_identity) !== s.age_recipient) {
    throw appError('keys.inconsistent', { path });
  }
  return { signing, keyId: s.key_id, signingKey: s.signing_key, ageIdentity: s.age_identity, ageRecipient: s.age_recipient };
}
