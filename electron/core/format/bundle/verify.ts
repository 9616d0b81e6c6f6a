/**
 * Steps 1–10 of docs/bundle-format.md "Reading a bundle" on a file on disk (the archived copy).
 * Pure of the database: everything it needs (who we are, our age identity, the confirmed
 * senders' keys) comes in a snapshot, so it runs in a worker thread (electron/core/format/worker).
 *
 * One pass over each entry: decrypting streams into a temp file in the data directory, the
 * events are inflated once, and that pass computes the CRC (step 3), the digest (step 8), the
 * line checks (9) and the chain (10) together; findings are then reported in the format's
 * order, the first one only. With `extract`, the verified events and attachments are left in
 * temp files for the writer thread to apply (steps 11–12) without inflating again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, fsyncSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../platform/fs/private-files';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { BundleErrorCode } from '../../../../shared/api/errors';
import type { VerificationStep } from '../../../../shared/domain/bundles';
import type { Role } from '../../../../shared/domain/ids';
import { openZip, ZipError, type ZipArchive } from '../container/zip-reader';
import { AGE_MAGIC, AgeError, createAgeDecryptStream } from '../crypto/age';
import { parseMinisignPublicKey, verifyMinisign } from '../crypto/minisign';
import type { ChainHasher } from './chain-hash';
import { LineChecker, type EventEnvelope, type Finding } from './line-check';
import { LineSplitter } from './lines';
import { ChannelWriter } from './line-channel';
import {
  ATTACHMENT_NAME,
  bundleTrustedComment,
  EVENTS_ENTRY,
  FORMAT_LIMITS,
  isBundleEntryName,
  MANIFEST_ENTRY,
  MANIFEST_MAX_BYTES,
  SIGNATURE_ENTRY,
  SIGNATURE_MAX_BYTES,
  type BundleLimits,
} from './limits';
import { checkManifest, type Manifest, type ManifestCheck } from './manifest';

export interface SenderKey {
  kind: Role;
  id: string;
  keyId: string;
  signingKey: string;
  /**
   * The provincial hub that vouches for this sender (docs/federation.md): its keys are good only
   * for bundles addressed to that hub and forwarded here. Absent: a sender of our own.
   */
  via?: string;
}

/** What the reader knows, as a plain (structured-clonable) snapshot. */
export interface VerifyInput {
  path: string;
  /** Who we are; null skips step 5 (inspecting a file addressed to someone else). */
  us: { kind: Role; id: string } | null;
  ageIdentities: string[];
  /** The confirmed senders (step 6 and 7). */
  senders: SenderKey[];
  /**
   * A regional hub's confirmed provincial hubs (docs/federation.md, "The regional reader"):
   * a bundle addressed to one of them passes step 5, and step 6 takes its sender's keys only
   * from those that hub vouches for (`SenderKey.via`).
   */
  relays?: string[];
  /** A folder in the data directory for the decrypted plaintext and extracted entries. */
  tempDir: string;
  limits?: BundleLimits;
  /** Leave the verified events and attachments in temp files for applying. */
  extract?: boolean;
  /**
   * Skip steps 9–10 (lines, chain): only for our own writer's read-back, whose lines come
   * byte for byte from the outbox (verified when written, `cst log verify`).
   */
  skipLines?: boolean;
  /**
   * Stream the verified lines to the writer thread while verifying (line-channel.ts):
   * a head frame once steps 4–7 are known, every line that passed steps 9–10's per-line checks
   * with its chain hash, and an end frame with this report. The writer applies as they come,
   * in one transaction it rolls back unless the end frame says ok. No events file is written.
   */
  channel?: SharedArrayBuffer;
}

export interface VerifyReport {
  ok: boolean;
  code: BundleErrorCode | null;
  detail: string | null;
  /** The step that failed (1–10), or null. */
  failedStep: number | null;
  steps: VerificationStep[];
  encrypted: boolean;
  size: number;
  manifest: Manifest | null;
  /** The sender as the manifest names it, once step 4 passed (E_UNKNOWN_SENDER keeps it). */
  sender: { kind: Role; id: string } | null;
  appVersion: string | null;
  kinds: Record<string, number>;
  /** Extracted, verified events.ndjson (temp; the caller deletes `workDir`). */
  eventsPath: string | null;
  /** h(seq) of each extracted line, 32 bytes each, in order (temp). */
  hashesPath: string | null;
  /** Extracted attachments, one file per sha256 (temp). */
  attachments: { sha256: string; path: string }[];
  workDir: string | null;
}

export const STEP_NAMES = [
  'dimensione e tipo del file',
  'decifratura',
  'contenitore ZIP',
  'manifest',
  'destinatario',
  'mittente',
  'firma',
  'impronte del contenuto',
  'righe degli eventi',
  'catena degli eventi',
  'storia',
  'dati',
] as const;

class Refusal extends Error {
  constructor(
    readonly step: number,
    readonly code: BundleErrorCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const AGE_MAGIC_BYTES = Buffer.from(AGE_MAGIC, 'latin1');

function readHead(path: string, n: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const got = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

export async function verifyBundle(input: VerifyInput): Promise<VerifyReport> {
  const channel = input.channel ? new ChannelWriter(input.channel) : null;
  let report: VerifyReport;
  try {
    report = await verifyFile(input, channel);
  } catch (err) {
    // The writer thread is blocked reading the channel: always end it, even on a bug.
    channel?.end({ internalError: String((err as Error)?.stack ?? err) });
    throw err;
  }
  channel?.end(report);
  return report;
}

async function verifyFile(input: VerifyInput, channel: ChannelWriter | null): Promise<VerifyReport> {
  const limits = input.limits ?? FORMAT_LIMITS;
  const steps: VerificationStep[] = STEP_NAMES.slice(0, 10).map((name, i) => ({ step: i + 1, name, status: 'skipped', code: null, detail: null }));
  const pass = (step: number, detail: string | null = null) => {
    const s = steps[step - 1] as VerificationStep;
    s.status = 'ok';
    s.detail = detail;
  };
  const workDir = join(input.tempDir, randomUUID());
  makePrivateDir(workDir);
  const report: VerifyReport = {
    ok: false,
    code: null,
    detail: null,
    failedStep: null,
    steps,
    encrypted: false,
    size: 0,
    manifest: null,
    sender: null,
    appVersion: null,
    kinds: {},
    eventsPath: null,
    hashesPath: null,
    attachments: [],
    workDir,
  };
  try {
    // 1. Size and magic.
    const size = statSync(input.path).size;
    report.size = size;
    if (size > limits.fileBytes) throw new Refusal(1, 'E_LIMIT', `file is ${size} bytes, limit ${limits.fileBytes}`);
    const head = readHead(input.path, AGE_MAGIC_BYTES.length);
    const isZip = head.subarray(0, 4).equals(ZIP_MAGIC);
    const isAge = head.equals(AGE_MAGIC_BYTES);
    if (!isZip && !isAge) throw new Refusal(1, 'E_FORMAT', 'neither a ZIP (PK\\x03\\x04) nor an age file (age-encryption.org/v1)');
    pass(1, `${size} byte, ${isAge ? 'cifrato (age)' : 'ZIP in chiaro'}`);

    // 2. Decrypt into a temp file (never into memory).
    let plainPath = input.path;
    if (isAge) {
      report.encrypted = true;
      if (input.ageIdentities.length === 0) throw new Refusal(2, 'E_DECRYPT', 'no age identity available to decrypt');
      plainPath = join(workDir, 'plain.zip');
      try {
        await pipeline(createReadStream(input.path), createAgeDecryptStream(input.ageIdentities), createWriteStream(plainPath, { mode: PRIVATE_FILE_MODE }));
      } catch (err) {
        if (err instanceof AgeError) throw new Refusal(2, err.code === 'no_match' ? 'E_DECRYPT' : 'E_FORMAT', err.message);
        throw err;
      }
      if (!readHead(plainPath, 4).equals(ZIP_MAGIC)) throw new Refusal(2, 'E_FORMAT', 'the age plaintext is not a ZIP');
      pass(2, 'decifrato con la chiave di questa installazione');
    } else {
      pass(2, 'non cifrato');
    }

    // 3. Container: structure, declared sizes, presence, and inflating everything once.
    let zip: ZipArchive;
    try {
      zip = openZip(
        { path: plainPath },
        {
          allowedNames: isBundleEntryName,
          maxEntries: 3 + limits.attachments,
          maxEntryBytes: (name) =>
            name === MANIFEST_ENTRY ? MANIFEST_MAX_BYTES : name === SIGNATURE_ENTRY ? SIGNATURE_MAX_BYTES : name === EVENTS_ENTRY ? limits.totalInflatedBytes : limits.attachmentBytes,
          maxTotalBytes: limits.totalInflatedBytes,
        },
      );
    } catch (err) {
      if (err instanceof ZipError) throw new Refusal(3, err.code === 'limit' ? 'E_LIMIT' : 'E_FORMAT', err.message);
      throw err;
    }
    const attachmentEntries = zip.entries.filter((e) => ATTACHMENT_NAME.test(e.name));
    if (attachmentEntries.length > limits.attachments) {
      throw new Refusal(3, 'E_LIMIT', `${attachmentEntries.length} attachments, limit ${limits.attachments}`);
    }
    for (const name of [MANIFEST_ENTRY, EVENTS_ENTRY, SIGNATURE_ENTRY]) {
      if (!zip.has(name)) throw new Refusal(3, 'E_FORMAT', `missing entry ${name}`);
    }
    const manifestBytes = readChecked(zip, MANIFEST_ENTRY);
    const signatureBytes = readChecked(zip, SIGNATURE_ENTRY);
    const manifestCheck = checkManifest(manifestBytes, limits);
    const manifest = manifestCheck.ok ? manifestCheck.manifest : null;
    // Steps 4–7 decided early (their verdicts are still reported below, in order, after step 3
    // has seen every byte): only then may the writer thread start applying streamed lines.
    const early = manifest !== null && earlySteps(input, manifest, manifestBytes, signatureBytes);
    if (channel) channel.head({ early, manifest: early ? manifest : null });
    const streaming = channel !== null && early;

    // The one pass over events.ndjson (CRC for step 3, digest for 8, lines and chain for 9–10).
    const eventsHash = createHash('sha256');
    let eventsBytes = 0;
    const eventsPath = input.extract && !channel ? join(workDir, 'events') : null;
    const hashesPath = input.extract && !channel ? join(workDir, 'hashes') : null;
    const out = eventsPath ? openSync(eventsPath, 'w', PRIVATE_FILE_MODE) : null;
    const hashOut = hashesPath ? new BufferedFile(hashesPath) : null;
    const onVerified = streaming
      ? (line: Buffer, chain: ChainHasher, ev: EventEnvelope) => channel.line(line, chain, ev)
      : hashOut
        ? (_line: Buffer, chain: ChainHasher) => hashOut.write(chain.current())
        : undefined;
    const checker = manifest && !input.skipLines ? new LineChecker(manifest, limits.lineBytes, onVerified) : null;
    const splitter = checker ? new LineSplitter(limits.lineBytes, (l, over, len) => checker.onLine(l, over, len)) : null;
    try {
      for await (const chunk of zip.entryStream(EVENTS_ENTRY)) {
        const b = chunk as Buffer;
        eventsHash.update(b);
        eventsBytes += b.length;
        splitter?.push(b);
        if (out !== null) writeAll(out, b);
      }
      if (out !== null) fsyncSync(out);
    } catch (err) {
      if (err instanceof ZipError) throw new Refusal(3, 'E_FORMAT', err.message);
      throw err;
    } finally {
      if (out !== null) closeSync(out);
      hashOut?.close();
    }
    if (checker && splitter) checker.end(splitter.end());
    const attachments = new Map<string, { bytes: number; sha256: string; path: string | null }>();
    for (const e of attachmentEntries) {
      const h = createHash('sha256');
      let n = 0;
      const path = input.extract ? join(workDir, `a-${attachments.size}`) : null;
      const fd = path ? openSync(path, 'w', PRIVATE_FILE_MODE) : null;
      try {
        for await (const chunk of zip.entryStream(e.name)) {
          h.update(chunk as Buffer);
          n += (chunk as Buffer).length;
          if (fd !== null) writeAll(fd, chunk as Buffer);
        }
      } catch (err) {
        if (err instanceof ZipError) throw new Refusal(3, 'E_FORMAT', err.message);
        throw err;
      } finally {
        if (fd !== null) closeSync(fd);
      }
      attachments.set(e.name.slice('files/'.length), { bytes: n, sha256: h.digest('hex'), path });
    }
    pass(3, `${zip.entries.length} voci, ${attachmentEntries.length} allegati`);

    // 4. Manifest.
    if (!manifestCheck.ok) {
      report.appVersion = (manifestCheck as Extract<ManifestCheck, { ok: false }>).appVersion;
      throw new Refusal(4, manifestCheck.code, manifestCheck.detail);
    }
    const m = manifestCheck.manifest;
    report.manifest = m;
    report.appVersion = m.app.version;
    pass(4, `pacchetto ${m.bundle_id} da ${m.sender.kind} ${m.sender.id}, eventi ${m.events.first_seq}–${m.events.last_seq}`);

    // 5. Recipient (or, on a regional hub, a provincial hub it federates).
    const via = relayedVia(input, m);
    if (input.us) {
      if (via === false) {
        throw new Refusal(5, 'E_RECIPIENT', `addressed to ${m.recipient.kind} ${m.recipient.id}, this installation is ${input.us.kind} ${input.us.id}`);
      }
      pass(5, via ? `${m.recipient.kind} ${m.recipient.id} (inoltrato)` : `${m.recipient.kind} ${m.recipient.id}`);
    }

    // 6. Sender confirmed (for a forwarded bundle: vouched for by the hub it was addressed to).
    report.sender = { kind: m.sender.kind, id: m.sender.id };
    const sender = findSender(input, m, via || undefined);
    if (!sender) {
      throw new Refusal(6, 'E_UNKNOWN_SENDER', via ? `no identity for ${m.sender.kind} ${m.sender.id} vouched for by hub ${via}` : `no confirmed identity for ${m.sender.kind} ${m.sender.id}`);
    }
    pass(6, `${m.sender.kind} ${m.sender.id}, chiave ${sender.keyId}`);

    // 7. Signature.
    if (m.key_id !== sender.keyId) throw new Refusal(7, 'E_SIGNATURE', `manifest key_id ${m.key_id} is not the sender's key ${sender.keyId}`);
    const verdict = verifyMinisign(manifestBytes, signatureBytes, parseMinisignPublicKey(sender.signingKey));
    if (!verdict.ok) throw new Refusal(7, 'E_SIGNATURE', `manifest.json.minisig: ${verdict.reason}`);
    const expected = bundleTrustedComment(m.sender.id, m.recipient.id, m.events.first_seq, m.events.last_seq);
    if (verdict.trustedComment !== expected) {
      throw new Refusal(7, 'E_SIGNATURE', `trusted comment ${JSON.stringify(verdict.trustedComment.slice(0, 200))} ≠ ${JSON.stringify(expected)}`);
    }
    pass(7, `firma valida (${sender.keyId})`);

    // 8. Digests.
    const eventsSha = eventsHash.digest('hex');
    if (eventsBytes !== m.events.bytes) throw new Refusal(8, 'E_DIGEST', `events.ndjson is ${eventsBytes} bytes, manifest says ${m.events.bytes}`);
    if (eventsSha !== m.events.sha256) throw new Refusal(8, 'E_DIGEST', `events.ndjson sha256 ${eventsSha} ≠ manifest ${m.events.sha256}`);
    const listed = new Set(m.files.map((f) => f.sha256));
    for (const f of m.files) {
      const got = attachments.get(f.sha256);
      if (!got) throw new Refusal(8, 'E_DIGEST', `listed attachment files/${f.sha256} is missing`);
      if (got.bytes !== f.bytes) throw new Refusal(8, 'E_DIGEST', `attachment files/${f.sha256} is ${got.bytes} bytes, manifest says ${f.bytes}`);
      if (got.sha256 !== f.sha256) throw new Refusal(8, 'E_DIGEST', `attachment files/${f.sha256} hashes to ${got.sha256}`);
    }
    for (const name of attachments.keys()) {
      if (!listed.has(name)) throw new Refusal(8, 'E_DIGEST', `attachment files/${name} is not listed in the manifest`);
    }
    pass(8, `events.ndjson ${eventsBytes} byte, ${m.files.length} allegati`);

    // 9–10. Lines and chain (computed in the pass above).
    if (checker) {
      report.kinds = Object.fromEntries(checker.kinds);
      if (checker.lineFinding) throw refusalOf(9, checker.lineFinding);
      pass(9, `${checker.lines} righe`);
      if (checker.chainFinding) throw refusalOf(10, checker.chainFinding);
      pass(10, `catena ${m.events.first_seq}–${m.events.last_seq} integra`);
    }

    report.ok = true;
    report.eventsPath = eventsPath;
    report.hashesPath = hashesPath;
    report.attachments = m.files.map((f) => ({ sha256: f.sha256, path: attachments.get(f.sha256)?.path as string }));
    if (plainPath !== input.path) rmSync(plainPath, { force: true });
    if (!input.extract) {
      rmSync(workDir, { recursive: true, force: true });
      report.workDir = null;
    }
    return report;
  } catch (err) {
    rmSync(workDir, { recursive: true, force: true });
    report.workDir = null;
    report.eventsPath = null;
    report.hashesPath = null;
    report.attachments = [];
    if (!(err instanceof Refusal)) throw err;
    report.code = err.code;
    report.detail = err.detail;
    report.failedStep = err.step;
    const s = steps[err.step - 1] as VerificationStep;
    s.status = 'failed';
    s.code = err.code;
    s.detail = err.detail;
    return report;
  }
}

function refusalOf(step: number, f: Finding): Refusal {
  return new Refusal(step, f.code, f.detail);
}

function readChecked(zip: ZipArchive, name: string): Buffer {
  try {
    return zip.readEntry(name);
  } catch (err) {
    if (err instanceof ZipError) throw new Refusal(3, err.code === 'limit' ? 'E_LIMIT' : 'E_FORMAT', err.message);
    throw err;
  }
}

function writeAll(fd: number, b: Buffer): void {
  let off = 0;
  while (off < b.length) off += writeSync(fd, b, off, b.length - off);
}

/** Appends small writes (32-byte hashes) through a 1 MiB buffer. */
class BufferedFile {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(1 << 20);
  private used = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w', PRIVATE_FILE_MODE);
  }

  write(b: Buffer): void {
    if (this.used + b.length > this.buf.length) this.flush();
    b.copy(this.buf, this.used);
    this.used += b.length;
  }

  private flush(): void {
    writeAll(this.fd, this.buf.subarray(0, this.used));
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Steps 5–7 on an already valid manifest, without reporting (see the early head frame). */
function earlySteps(input: VerifyInput, m: Manifest, manifestBytes: Buffer, signatureBytes: Buffer): boolean {
  const via = relayedVia(input, m);
  if (input.us && via === false) return false;
  const sender = findSender(input, m, via || undefined);
  if (!sender || m.key_id !== sender.keyId) return false;
  const verdict = verifyMinisign(manifestBytes, signatureBytes, parseMinisignPublicKey(sender.signingKey));
  return verdict.ok && verdict.trustedComment === bundleTrustedComment(m.sender.id, m.recipient.id, m.events.first_seq, m.events.last_seq);
}

/**
 * Step 5's verdict: null when the bundle is addressed to us (or we do not check, `us` null),
 * the provincial hub's id when it is addressed to one we federate, false otherwise.
 */
function relayedVia(input: VerifyInput, m: Manifest): string | null | false {
  if (!input.us || (m.recipient.kind === input.us.kind && m.recipient.id === input.us.id)) return null;
  return m.recipient.kind === 'hub' && input.relays?.includes(m.recipient.id) ? m.recipient.id : false;
}

/** Step 6: the sender's confirmed keys, for bundles addressed to us or forwarded by `via`. */
function findSender(input: VerifyInput, m: Manifest, via: string | undefined): SenderKey | undefined {
  return input.senders.find((s) => s.kind === m.sender.kind && s.id === m.sender.id && s.via === via);
}
