/**
 * Builds bundles byte by byte for the adversarial tests: any manifest, any lines, any entries,
 * signed by any key, optionally age-encrypted. Independent of electron/core/sync/bundles/export.ts
 * on purpose (only the primitives are shared), so it can write what our writer never would.
 */
import { createHash } from 'node:crypto';
import { generateSigningKeyPair, keyIdHex, minisignPublicKeyString, signingKeyPairFromSeed, signMinisign, type SigningKeyPair } from '../../electron/core/format/crypto/minisign';
import { ageEncrypt, generateAgeIdentity } from '../../electron/core/format/crypto/age';
import { buildIdentityFile } from '../../electron/core/format/container/identity-file';
import { writeZip } from '../../electron/core/format/container/zip-writer';
import { vectorFile } from './bundle-vector-files';

export interface Party {
  kind: 'municipality' | 'hub';
  id: string;
  name: string;
  key: SigningKeyPair;
  keyId: string;
  signingKey: string;
  ageIdentity: string;
  ageRecipient: string;
}

export function vectorParty(who: 'hub' | 'urbino'): Party {
  const s = JSON.parse(vectorFile(`${who}/secret.json`).toString('utf8'));
  const keyIdBytes = Buffer.alloc(8);
  keyIdBytes.writeBigUInt64LE(BigInt(`0x${s.key_id}`));
  const key = signingKeyPairFromSeed(Buffer.from(s.ed25519_seed, 'hex'), keyIdBytes);
  return { kind: s.kind, id: s.id, name: s.name, key, keyId: s.key_id, signingKey: s.signing_key, ageIdentity: s.age_identity, ageRecipient: s.age_recipient };
}

export function newParty(kind: 'municipality' | 'hub', id: string, name: string): Party {
  const key = generateSigningKeyPair();
  const age = generateAgeIdentity();
  return { kind, id, name, key, keyId: keyIdHex(key.keyId), signingKey: minisignPublicKeyString(key.publicKey, key.keyId), ageIdentity: age.identity, ageRecipient: age.recipient };
}

export function identityFileOf(p: Party): Buffer {
  return buildIdentityFile(
    { format: 'cst-identity', version: 1, kind: p.kind, id: p.id, name: p.name, signing_key: p.signingKey, age_recipient: p.ageRecipient, created_at: '2026-11-26T09:00:00.000Z' },
    p.key,
  );
}

export const H0 = '0'.repeat(64);

export function chain(prevHex: string, lines: Buffer[]): string[] {
  let h = Buffer.from(prevHex, 'hex');
  return lines.map((l) => {
    h = createHash('sha256').update(h).update(l).digest();
    return h.toString('hex');
  });
}

export function line(seq: number, kind: string, op: 'put' | 'delete', id: string, data?: unknown): Buffer {
  const base = { seq, at: `2026-11-20T10:00:${String(seq % 60).padStart(2, '0')}.000Z`, kind, op, id };
  return Buffer.from(JSON.stringify(op === 'put' ? { ...base, data } : base), 'utf8');
}

export function usageData(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    service: 'PEC',
    date: '2026-10-05',
    period: 'day',
    quantity_milli: 3000,
    beneficiaries: { citizens: null, businesses: null, offices: null },
    channel: null,
    note: '',
    updated_by: 'Maria Rossi',
    ...over,
  };
}

export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface CraftOptions {
  from: Party;
  to: { kind: 'municipality' | 'hub'; id: string; ageRecipient?: string };
  lines: Buffer[];
  firstSeq: number;
  prevHash?: string;
  ack?: { seq: number; hash: string } | null;
  /** Replaces events.ndjson's bytes after the manifest was computed (digest attacks). */
  eventsBytes?: Buffer;
  manifest?: (m: Record<string, unknown>) => Record<string, unknown>;
  manifestText?: (text: string) => string;
  signer?: SigningKeyPair;
  trustedComment?: string;
  files?: { data: Buffer; name?: string; listed?: boolean; present?: boolean }[];
  extraEntries?: { name: string; data: Buffer }[];
  entryOrder?: (names: string[]) => string[];
  encrypt?: boolean;
  /** Writes the ZIP (default: our writeZip); fixtures use outside writers (test/fixtures/zip-writers/). */
  zipper?: (entries: { name: string; data: Buffer }[]) => Buffer;
}

export function craft(o: CraftOptions): Buffer {
  const prev = o.prevHash ?? (o.firstSeq === 1 ? H0 : undefined);
  if (prev === undefined) throw new Error('prevHash required');
  const events = Buffer.concat(o.lines.flatMap((l) => [l, Buffer.from('\n')]));
  const hashes = chain(prev, o.lines);
  const last = o.firstSeq + o.lines.length - 1;
  const files = (o.files ?? []).map((f) => ({ ...f, sha256: createHash('sha256').update(f.data).digest('hex') }));
  let manifest: Record<string, unknown> = {
    format: 'cst-bundle',
    version: 1,
    schema: 1,
    bundle_id: '01a21751-dbe9-7c4b-a952-f44dc6f83be6',
    created_at: '2026-11-26T10:06:10.409Z',
    sender: { kind: o.from.kind, id: o.from.id },
    recipient: { kind: o.to.kind, id: o.to.id },
    key_id: o.from.keyId,
    events: {
      sha256: createHash('sha256').update(events).digest('hex'),
      bytes: events.length,
      count: o.lines.length,
      first_seq: o.firstSeq,
      last_seq: last,
      prev_hash: prev,
      last_hash: hashes[hashes.length - 1] ?? prev,
    },
    files: files.filter((f) => f.listed !== false).map((f) => ({ sha256: f.sha256, bytes: f.data.length, name: f.name ?? 'a.pdf', type: 'application/pdf' })),
    ack: o.ack === undefined ? null : o.ack,
    app: { name: 'cst-craft', version: '9.9.9' },
  };
  if (o.manifest) manifest = o.manifest(manifest);
  let text = JSON.stringify(manifest);
  if (o.manifestText) text = o.manifestText(text);
  const mBytes = Buffer.from(text, 'utf8');
  const ev = manifest.events as { first_seq: number; last_seq: number };
  const sig = signMinisign(mBytes, o.signer ?? o.from.key, o.trustedComment ?? `cst-bundle v1 sender=${o.from.id} recipient=${o.to.id} first=${ev.first_seq} last=${ev.last_seq}`);
  const entries = new Map<string, Buffer>([
    ['manifest.json', mBytes],
    ['events.ndjson', o.eventsBytes ?? events],
    ['manifest.json.minisig', Buffer.from(sig, 'utf8')],
  ]);
  for (const f of files) if (f.present !== false) entries.set(`files/${f.sha256}`, f.data);
  for (const e of o.extraEntries ?? []) entries.set(e.name, e.data);
  const names = o.entryOrder ? o.entryOrder([...entries.keys()]) : [...entries.keys()];
  const zip = (o.zipper ?? writeZip)(names.map((n) => ({ name: n, data: entries.get(n) as Buffer })));
  if (!o.encrypt) return zip;
  if (!o.to.ageRecipient) throw new Error('recipient age key required');
  return ageEncrypt(zip, [o.to.ageRecipient]);
}
