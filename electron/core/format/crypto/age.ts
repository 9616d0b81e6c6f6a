/**
 * The age v1 file format (https://age-encryption.org/v1, C2SP age) with X25519 recipients only,
 * binary (not armored), on node:crypto. Bundles are encrypted with `createAgeEncryptStream` and
 * opened with `createAgeDecryptStream`, which emit errors as `AgeError` (`no_match` → E_DECRYPT,
 * `format` → E_FORMAT). Decrypted bytes are emitted only after their chunk authenticated, but a
 * truncated or damaged file is detected only at its end: consumers must treat what they got as
 * provisional until the stream ends without error.
 */
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { AgeDecryptor, AgeEncryptor } from './age-stream';

export { AGE_MAGIC } from './age-header';
export { AgeError } from './age-error';
export { ageRecipientFromIdentity, generateAgeIdentity, isAgeRecipient, parseAgeKeyFile } from './age-keys';
export { AGE_CHUNK_BYTES } from './age-stream';

interface Machine {
  update(data: Buffer): Buffer[];
  final(): Buffer[];
}

function machineTransform(machine: Machine): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      try {
        for (const out of machine.update(chunk)) this.push(out);
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        for (const out of machine.final()) this.push(out);
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
  });
}

/** Throws synchronously if a recipient string is not an `age1…` X25519 recipient. */
export function createAgeEncryptStream(recipients: string[]): Transform {
  return machineTransform(new AgeEncryptor(recipients));
}

/** Throws synchronously if an identity string is not an `AGE-SECRET-KEY-1…` identity. */
export function createAgeDecryptStream(identities: string[]): Transform {
  return machineTransform(new AgeDecryptor(identities));
}

export function ageEncrypt(plaintext: Buffer, recipients: string[]): Buffer {
  const enc = new AgeEncryptor(recipients);
  return Buffer.concat([...enc.update(plaintext), ...enc.final()]);
}

export function ageDecrypt(ciphertext: Buffer, identities: string[]): Buffer {
  const dec = new AgeDecryptor(identities);
  return Buffer.concat([...dec.update(ciphertext), ...dec.final()]);
}
