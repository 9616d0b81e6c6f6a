/**
 * "Prepara i file per i membri" in the browser shell: one ZIP holding one bundle per confirmed
 * member, each named by its town (bundle-file-names.ts), plus LEGGIMI.txt (README.txt in
 * English) listing town → file. The bundles are exactly the files exportInline wrote and
 * checked: stored (method 0) in the ZIP, so after unzipping each is byte for byte the bundle
 * the member imports as is (an age file does not compress anyway).
 */
import { createHash } from 'node:crypto';
import type { BundleArchiveResult } from '../../../../shared/domain/bundles';
import type { Language } from '../../../../shared/errors/catalogue';
import { writeZip, type ZipInputEntry } from '../../format/container/zip-writer';
import type { AppContext } from '../../platform/context';
import { requireInstallation } from '../../platform/installation/installation-store';
import { asciiFileWord, italianDay } from './bundle-file-names';
import { exportInline } from './export-inline';

const README = {
  it: {
    file: 'LEGGIMI.txt',
    archive: 'membri',
    title: (hub: string, day: string) => `${hub}: pacchetti per i membri del ${day}`,
    intro: [
      'Un file per ogni comune, cifrato per quel comune: solo quel comune può leggerlo.',
      'Mandare a ogni comune il suo file (per e-mail o su chiavetta), senza rinominarlo né aprirlo;',
      'il comune lo importa in CST Desk, pagina Invia e ricevi.',
    ],
    header: 'Comune (codice ISTAT): file',
    nothingNew: 'solo la conferma di ricezione',
    events: (n: number) => (n === 1 ? '1 dato' : `${n} dati`),
  },
  en: {
    file: 'README.txt',
    archive: 'members',
    title: (hub: string, day: string) => `${hub}: bundles for the members, ${day}`,
    intro: [
      'One file per municipality, encrypted to it: only that municipality can read it.',
      'Send each municipality its own file (by e-mail or on a USB stick), without renaming or opening it;',
      'the municipality imports it in CST Desk, page Send and receive.',
    ],
    header: 'Municipality (ISTAT code): file',
    nothingNew: 'acknowledgement only',
    events: (n: number) => (n === 1 ? '1 record' : `${n} records`),
  },
} as const;

function dayText(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

export async function exportMembersArchive(ctx: AppContext, input: { lang: Language; plain?: boolean }): Promise<BundleArchiveResult> {
  const us = requireInstallation(ctx.db);
  const text = README[input.lang];
  const results = await exportInline(ctx, { allMembers: true, ...(input.plain ? { plain: true } : {}) });
  const day = italianDay(ctx.clock.now());
  const sorted = [...results].sort((a, b) => a.recipientName.localeCompare(b.recipientName, 'it'));
  // Windows' Notepad before 2019 reads a file without BOM as ANSI (accents garbled) and wants CRLF.
  const lines = [
    text.title(us.name, dayText(day)),
    '',
    ...text.intro,
    '',
    text.header,
    ...sorted.map((r) => `${r.recipientName} (${r.recipient.id}): ${r.fileName} (${r.events === 0 ? text.nothingNew : text.events(r.events)})`),
    '',
  ];
  const readme = Buffer.from(`\uFEFF${lines.join('\r\n')}`, 'utf8');
  const entries: ZipInputEntry[] = [
    { name: text.file, data: readme },
    ...sorted.map((r) => ({ name: r.fileName, data: Buffer.from(r.contentBase64 ?? '', 'base64'), method: 0 as const })),
  ];
  const zip = writeZip(entries);
  return {
    fileName: `${asciiFileWord(us.id)}-${text.archive}-${day}.zip`,
    contentBase64: zip.toString('base64'),
    bytes: zip.length,
    sha256: createHash('sha256').update(zip).digest('hex'),
    readme: text.file,
    files: sorted.map(({ contentBase64: _c, ...r }) => r),
  };
}
