/** Streams big realistic bundles to disk (benchmarks): usage events, never all in memory. */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createZipFileWriter } from '../../electron/core/format/container/zip-file-writer';
import { createAgeEncryptStream } from '../../electron/core/format/crypto/age';
import { signMinisign } from '../../electron/core/format/crypto/minisign';
import type { Party } from './bundle-craft';

const SERVICES = ['PROTOCOLLO', 'PEC', 'SITO', 'ALBO', 'SUAP', 'DEMOGRAFICI'];

export function usageLine(seq: number, idBase: number): string {
  const day = 1 + (seq % 28);
  const month = 1 + (Math.floor(seq / 28) % 12);
  const id = `00000000-0000-4000-8000-${(idBase + seq).toString(16).padStart(12, '0')}`;
  return JSON.stringify({
    seq,
    at: '2026-11-20T10:15:02.120Z',
    kind: 'usage',
    op: 'put',
    id,
    data: {
      service: SERVICES[seq % SERVICES.length],
      date: `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      period: 'day',
      quantity_milli: 1000 * (1 + (seq % 17)),
      beneficiaries: { citizens: seq % 5, businesses: null, offices: null },
      channel: 'counter',
      note: '',
      updated_by: 'Maria Rossi',
    },
  });
}

export async function writeUsageBundle(o: {
  from: Party;
  to: { kind: 'hub' | 'municipality'; id: string; ageRecipient: string };
  count: number;
  idBase: number;
  path: string;
  workDir: string;
  encrypt?: boolean;
  /** More age recipients (a member whose hub reports to a regional hub encrypts to both). */
  alsoTo?: string[];
}): Promise<{ bytes: number }> {
  const eventsPath = join(o.workDir, `events-${o.from.id}.ndjson`);
  const fd = openSync(eventsPath, 'w');
  const digest = createHash('sha256');
  let h = Buffer.alloc(32);
  let bytes = 0;
  let batch: string[] = [];
  const flush = () => {
    const b = Buffer.from(batch.join(''), 'utf8');
    digest.update(b);
    bytes += b.length;
    let off = 0;
    while (off < b.length) off += writeSync(fd, b, off, b.length - off);
    batch = [];
  };
  for (let seq = 1; seq <= o.count; seq += 1) {
    const line = usageLine(seq, o.idBase);
    h = createHash('sha256').update(h).update(line, 'utf8').digest();
    batch.push(`${line}\n`);
    if (batch.length === 2000) flush();
  }
  flush();
  closeSync(fd);
  const manifest = {
    format: 'cst-bundle',
    version: 1,
    schema: 1,
    bundle_id: '01a21751-dbe9-7c4b-a952-f44dc6f83be6',
    created_at: '2026-11-26T10:06:10.409Z',
    sender: { kind: o.from.kind, id: o.from.id },
    recipient: { kind: o.to.kind, id: o.to.id },
    key_id: o.from.keyId,
    events: { sha256: digest.digest('hex'), bytes, count: o.count, first_seq: 1, last_seq: o.count, prev_hash: '0'.repeat(64), last_hash: h.toString('hex') },
    files: [],
    ack: null,
    app: { name: 'bench', version: '1' },
  };
  const m = Buffer.from(JSON.stringify(manifest));
  const sig = signMinisign(m, o.from.key, `cst-bundle v1 sender=${o.from.id} recipient=${o.to.id} first=1 last=${o.count}`);
  const zipPath = o.encrypt ? join(o.workDir, `b-${o.from.id}.zip`) : o.path;
  const zip = await createZipFileWriter(zipPath);
  await zip.addEntry('manifest.json', m);
  await zip.addEntry('events.ndjson', createReadStream(eventsPath, { highWaterMark: 1 << 20 }));
  await zip.addEntry('manifest.json.minisig', Buffer.from(sig));
  await zip.finish();
  rmSync(eventsPath);
  if (o.encrypt) {
    await pipeline(createReadStream(zipPath, { highWaterMark: 1 << 20 }), createAgeEncryptStream([o.to.ageRecipient, ...(o.alsoTo ?? [])]), createWriteStream(o.path));
    rmSync(zipPath);
  }
  return { bytes };
}
