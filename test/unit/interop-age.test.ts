/** Interoperability with Debian's age 1.1 (`age -d -i age.txt` must open our bundles, and we must open its files). */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  AgeError,
  ageDecrypt,
  ageEncrypt,
  createAgeDecryptStream,
  generateAgeIdentity,
  parseAgeKeyFile,
} from '../../electron/core/format/crypto/age';
import { withTmpDir, withTmpDirAsync } from './container-fixtures';

const SIZES = [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 1024 * 1024 + 4321];

describe('interop: age', () => {
  it('age -d opens what we encrypt', () => {
    withTmpDir((dir) => {
      const me = generateAgeIdentity();
      writeFileSync(join(dir, 'key.txt'), `# created: test\n# public key: ${me.recipient}\n${me.identity}\n`);
      for (const size of SIZES) {
        const plain = randomBytes(size);
        writeFileSync(join(dir, 'f.age'), ageEncrypt(plain, [generateAgeIdentity().recipient, me.recipient]));
        const out = execFileSync('age', ['-d', '-i', 'key.txt', 'f.age'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
        expect(out.equals(plain), `size ${size}`).toBe(true);
      }
    });
  });

  it('we open what age -r encrypts to our recipient, and what age -e encrypts to age-keygen keys', () => {
    withTmpDir((dir) => {
      const me = generateAgeIdentity();
      execFileSync('age-keygen', ['-o', 'kg.txt'], { cwd: dir, stdio: 'pipe' });
      const keygenIdentities = parseAgeKeyFile(readFileSync(join(dir, 'kg.txt'), 'utf8'));
      for (const size of SIZES) {
        const plain = randomBytes(size);
        writeFileSync(join(dir, 'p'), plain);
        execFileSync('age', ['-r', me.recipient, '-o', 'r.age', 'p'], { cwd: dir });
        expect(ageDecrypt(readFileSync(join(dir, 'r.age')), [me.identity]).equals(plain), `size ${size}`).toBe(true);
        execFileSync('age', ['-e', '-i', 'kg.txt', '-o', 'i.age', 'p'], { cwd: dir });
        expect(ageDecrypt(readFileSync(join(dir, 'i.age')), keygenIdentities).equals(plain), `size ${size}`).toBe(true);
      }
    });
  });

  it('streams a file made by age, and tells no_match from an armored (unsupported) file', async () => {
    await withTmpDirAsync(async (dir) => {
      const me = generateAgeIdentity();
      const plain = randomBytes(3 * 1024 * 1024 + 7);
      writeFileSync(join(dir, 'p'), plain);
      execFileSync('age', ['-r', generateAgeIdentity().recipient, '-r', me.recipient, '-o', 'r.age', 'p'], { cwd: dir });
      const parts: Buffer[] = [];
      for await (const chunk of createReadStream(join(dir, 'r.age')).pipe(createAgeDecryptStream([me.identity]))) parts.push(chunk as Buffer);
      expect(Buffer.concat(parts).equals(plain)).toBe(true);

      const other = generateAgeIdentity();
      expect(() => ageDecrypt(readFileSync(join(dir, 'r.age')), [other.identity])).toThrow(expect.objectContaining({ code: 'no_match' }) as Error);
      execFileSync('age', ['-a', '-r', me.recipient, '-o', 'a.age', 'p'], { cwd: dir });
      let err: unknown;
      try {
        ageDecrypt(readFileSync(join(dir, 'a.age')), [me.identity]);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AgeError);
      expect((err as AgeError).code).toBe('format');
    });
  });
});
