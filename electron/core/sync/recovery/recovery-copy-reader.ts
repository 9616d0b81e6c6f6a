/**
 * Reading the recovery copy out of a verified hub bundle: the `recupero-<istat>-<first>-<last>.ndjson`
 * attachments, in order, as one sequence of lines 1..ack.seq. Only the shape is checked here;
 * the chain against the signed ack is checked line by line by the caller.
 */
import { readFileSync } from 'node:fs';
import { RECOVERY_FILE_NAME, RECOVERY_FILE_TYPE } from '../../../../shared/domain/recovery';
import type { Manifest } from '../../format/bundle/manifest';
import { appError, AppError } from '../../platform/errors';

export interface CopyPart {
  sha256: string;
  first: number;
  last: number;
  path: string;
}

/** The copy's files for `istat`, contiguous from 1 to `ackSeq`; refuses anything else. */
export function copyParts(manifest: Manifest, attachments: { sha256: string; path: string }[], istat: string, ackSeq: number): CopyPart[] {
  const paths = new Map(attachments.map((a) => [a.sha256, a.path]));
  const parts: CopyPart[] = [];
  for (const f of manifest.files) {
    const m = RECOVERY_FILE_NAME.exec(f.name);
    if (!m || f.type !== RECOVERY_FILE_TYPE) continue;
    if (m[1] !== istat) throw notACopy(`la copia è per il comune ${m[1]}, non per questo (${istat})`);
    const path = paths.get(f.sha256);
    if (!path) throw notACopy(`file ${f.name} listed but not extracted`);
    parts.push({ sha256: f.sha256, first: Number(m[2]), last: Number(m[3]), path });
  }
  if (parts.length === 0) throw notACopy('nessun file recupero-*.ndjson nel pacchetto');
  parts.sort((a, b) => a.first - b.first);
  let next = 1;
  for (const p of parts) {
    if (p.first !== next || p.last < p.first) throw notACopy(`i file della copia non sono contigui all'evento ${next}`);
    next = p.last + 1;
  }
  if (next - 1 !== ackSeq) throw notACopy(`la copia arriva all'evento ${next - 1}, la conferma firmata a ${ackSeq}`);
  return parts;
}

/** Calls `fn` for each line (without its \n) of the parts in order, with its seq. */
export function forEachCopyLine(parts: CopyPart[], fn: (seq: number, line: Buffer) => void): void {
  for (const p of parts) {
    const bytes = readFileSync(p.path);
    if (bytes.length === 0 || bytes[bytes.length - 1] !== 0x0a) throw notACopy(`${p.sha256}: the last line has no \\n`);
    let seq = p.first;
    let start = 0;
    for (let nl = bytes.indexOf(0x0a, start); nl >= 0; nl = bytes.indexOf(0x0a, start)) {
      if (seq > p.last) throw notACopy(`${p.sha256}: more lines than events ${p.first}-${p.last}`);
      fn(seq, bytes.subarray(start, nl));
      seq += 1;
      start = nl + 1;
    }
    if (seq !== p.last + 1) throw notACopy(`${p.sha256}: ${seq - p.first} lines for events ${p.first}-${p.last}`);
  }
}

export function notACopy(detail: string): AppError {
  return appError('recovery.noCopy', {}, { params: { detail } });
}
