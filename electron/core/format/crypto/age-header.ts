/**
 * The textual age v1 header (C2SP age, "Header"): parsing with the canonical rules, writing,
 * and the header MAC. Parsing is incremental: `parseAgeHeader` returns null while the header
 * is incomplete, so a stream can feed it without knowing the header's length.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { AgeError } from './age-error';
import type { AgeStanza } from './age-keys';
import { decodeBase64Unpadded, encodeBase64Unpadded } from './base64';

export const AGE_MAGIC = 'age-encryption.org/v1\n';
const MAGIC = Buffer.from(AGE_MAGIC, 'latin1');
const VERSION_PREFIX = 'age-encryption.org/';
/** Bodies are wrapped at 64 columns: 48 bytes per full line; a stanza ends at its first shorter line. */
const COLUMNS = 64;
const BYTES_PER_LINE = 48;
/**
 * We refuse a header larger than this instead of buffering without end: a stream must not be
 * able to make us hold an arbitrary amount of memory before the MAC is even checked. Real
 * headers are ~200 bytes per X25519 recipient.
 */
export const MAX_HEADER_BYTES = 1024 * 1024;
const ARGUMENT = /^[\x21-\x7e]+$/;

export interface ParsedAgeHeader {
  stanzas: AgeStanza[];
  /** The bytes the MAC covers: everything up to and including the `---` of the last line. */
  macInput: Buffer;
  mac: Buffer;
  /** Header length in bytes, final LF included: the payload starts here. */
  length: number;
}

function fail(detail: string): never {
  throw new AgeError('format', `age header: ${detail}`);
}

function needMore(buf: Buffer): null {
  if (buf.length > MAX_HEADER_BYTES) fail(`longer than ${MAX_HEADER_BYTES} bytes`);
  return null;
}

/** Parses the header at the start of `buf`; null means "incomplete, give me more bytes". */
export function parseAgeHeader(buf: Buffer): ParsedAgeHeader | null {
  const introEnd = buf.indexOf(0x0a);
  if (introEnd < 0) {
    const n = Math.min(buf.length, MAGIC.length);
    if (!buf.subarray(0, n).equals(MAGIC.subarray(0, n))) fail('not an age v1 file');
    return needMore(buf);
  }
  if (introEnd + 1 !== MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    const first = buf.toString('latin1', 0, Math.min(introEnd, 64));
    fail(first.startsWith(VERSION_PREFIX) ? `unsupported version line ${JSON.stringify(first)}` : 'not an age v1 file');
  }
  let pos = MAGIC.length;
  const stanzas: AgeStanza[] = [];
  for (;;) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) return needMore(buf);
    const line = buf.toString('latin1', pos, nl);
    if (line.startsWith('---')) {
      if (!line.startsWith('--- ')) fail('malformed closing line');
      const mac = decodeBase64Unpadded(line.slice(4));
      if (!mac || mac.length !== 32) fail('closing line: MAC is not canonical base64 of 32 bytes');
      if (stanzas.length === 0) fail('no recipient stanza');
      return { stanzas, macInput: buf.subarray(0, pos + 3), mac, length: nl + 1 };
    }
    if (!line.startsWith('-> ')) fail('malformed stanza opening line');
    const args = line.slice(3).split(' ');
    if (!args.every((a) => ARGUMENT.test(a))) fail('malformed stanza arguments');
    pos = nl + 1;
    const body: Buffer[] = [];
    for (;;) {
      const bodyEnd = buf.indexOf(0x0a, pos);
      if (bodyEnd < 0) return needMore(buf);
      const bytes = bodyEnd - pos <= COLUMNS ? decodeBase64Unpadded(buf.toString('latin1', pos, bodyEnd)) : null;
      if (!bytes) fail('malformed stanza body line (not canonical base64 of at most 64 columns, or missing final short line)');
      body.push(bytes);
      pos = bodyEnd + 1;
      if (bytes.length < BYTES_PER_LINE) break;
    }
    const [type, ...rest] = args as [string, ...string[]];
    stanzas.push({ type, args: rest, body: Buffer.concat(body) });
  }
}

function serializeStanza(stanza: AgeStanza): string {
  const b64 = encodeBase64Unpadded(stanza.body);
  let out = `-> ${[stanza.type, ...stanza.args].join(' ')}\n`;
  // Full 64-column lines, then a final shorter line, which is empty when the body fills whole lines.
  let i = 0;
  for (; i + COLUMNS <= b64.length; i += COLUMNS) out += `${b64.slice(i, i + COLUMNS)}\n`;
  return `${out}${b64.slice(i)}\n`;
}

export function headerMac(fileKey: Buffer, macInput: Buffer): Buffer {
  const key = Buffer.from(hkdfSync('sha256', fileKey, Buffer.alloc(0), 'header', 32));
  return createHmac('sha256', key).update(macInput).digest();
}

export function buildAgeHeader(stanzas: AgeStanza[], fileKey: Buffer): Buffer {
  const macInput = Buffer.from(`${AGE_MAGIC}${stanzas.map(serializeStanza).join('')}---`, 'latin1');
  const mac = encodeBase64Unpadded(headerMac(fileKey, macInput));
  return Buffer.concat([macInput, Buffer.from(` ${mac}\n`, 'latin1')]);
}
