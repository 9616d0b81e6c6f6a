/**
 * Names of the bundle files we write into a folder. docs/bundle-format.md does not constrain a
 * bundle's file name (a reader goes by its bytes), so the name serves the people who move it:
 *
 * - the hub → a member: the member's town and the day, `Urbino-2026-12-06.cstb`, so the office
 *   attaching fifty files to fifty e-mails sees at once which is whose (issue 13, item 11);
 * - a municipality → its hub: `cst-041067-per-CST-PU-1-42.cstb` as before (one file, one
 *   recipient: its range tells the clerk what went).
 *
 * Town names are written in plain ASCII ("Forlì" → `Forli`, "Sant'Angelo in Vado" →
 * `Sant-Angelo-in-Vado`): the file travels by e-mail and USB stick to old town-hall PCs, and
 * inside a ZIP a non-ASCII name depends on the reader honouring the UTF-8 flag (bit 11), which
 * Windows' own "Estrai tutto" did not do before Windows 11 (the name comes out as "Forl├¼"),
 * nor do some mail clients with attachment names. The exact name stays beside it, in LEGGIMI.txt
 * and on the screen.
 */
import type { InstallationRecord } from '../../platform/installation/installation-store';
import type { PeerRecord } from '../peers/peers-store';

/** The day in Italy (the office's calendar), not in UTC: at 00:30 on the 7th the file says 7. */
export function italianDay(isoUtc: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(isoUtc));
}

/** ASCII letters and digits only, words joined by `-`: safe on Windows, in a ZIP and in a mail. */
export function asciiFileWord(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return plain.slice(0, 80) || 'comune';
}

/** A municipality's file for its hub: who, for whom and which events. */
export function rangeBundleName(us: InstallationRecord, peer: PeerRecord, from: number, last: number): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9-]/g, '_');
  return `cst-${safe(us.id)}-per-${safe(peer.id)}-${from}-${last}.cstb`;
}

/**
 * The hub's name for each member of one export (none for a municipality's hub: see
 * rangeBundleName). Two members with the same town name (Peglio is in
 * Pesaro-Urbino and in Como) get their ISTAT code too, so neither file overwrites the other.
 */
export function townBundleNames(us: InstallationRecord, recipients: PeerRecord[], nowIso: string): Map<string, string> {
  const names = new Map<string, string>();
  if (us.role !== 'hub') return names;
  const day = italianDay(nowIso);
  const count = new Map<string, number>();
  for (const p of recipients) count.set(asciiFileWord(p.name).toLowerCase(), (count.get(asciiFileWord(p.name).toLowerCase()) ?? 0) + 1);
  for (const p of recipients) {
    if (p.kind !== 'municipality') continue;
    const town = asciiFileWord(p.name);
    const twin = (count.get(town.toLowerCase()) ?? 0) > 1;
    names.set(p.id, `${town}${twin ? `-${p.id}` : ''}-${day}.cstb`);
  }
  return names;
}
