/**
 * Names of backup files and the rotation rule: pure functions on names, so rotation is
 * deterministic and testable with any clock (the time of a copy is in its name, never the
 * file's mtime, which a copy to a USB stick and back would change).
 */
import { BACKUP_KEEP } from '../../../../shared/domain/backup';

export const BACKUPS_FOLDER = 'backups';

// `:` is not allowed in Windows file names, hence `-` in the time; a second copy in the same
// second gets `-2`, `-3`…
const NAME = /^cst-desk-(\d{4}-\d\d-\d\d)T(\d\d)-(\d\d)-(\d\d)Z(?:-(\d+))?\.sqlite$/;

export interface ParsedBackupName {
  name: string;
  takenAt: string;
  /** Orders copies taken in the same second. */
  n: number;
}

export function backupBaseName(isoUtc: string, n = 1): string {
  const stamp = isoUtc.slice(0, 19).replace(/:/g, '-');
  return `cst-desk-${stamp}Z${n > 1 ? `-${n}` : ''}.sqlite`;
}

/** The keys copy that belongs to a backup (`….sqlite` → `….keys.json`). */
export function keysFileFor(name: string): string {
  return name.replace(/\.sqlite$/, '.keys.json');
}

export function parseBackupName(name: string): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const takenAt = `${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`;
  if (Number.isNaN(Date.parse(takenAt))) return null;
  return { name, takenAt, n: m[5] ? Number(m[5]) : 1 };
}

/** Newest first. */
export function sortNewestFirst<T extends ParsedBackupName>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.takenAt === b.takenAt ? b.n - a.n : a.takenAt < b.takenAt ? 1 : -1));
}

/** Monday of the UTC week of a time, as `YYYY-MM-DD`. */
function weekOf(isoUtc: string): string {
  const d = new Date(`${isoUtc.slice(0, 10)}T00:00:00Z`);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - sinceMonday);
  return d.toISOString().slice(0, 10);
}

/**
 * Which copies rotation keeps: the newest of each of the last `daily` UTC days that have a copy,
 * and the newest of each of the last `weekly` weeks (Monday to Sunday) that have one. Counting
 * days that have a copy — not calendar days — means a computer left off for a month still keeps
 * its last week of copies instead of deleting them all at the first new one.
 */
export function backupsToKeep(list: ParsedBackupName[], keep: { daily: number; weekly: number } = BACKUP_KEEP): Set<string> {
  const kept = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const b of sortNewestFirst(list)) {
    const day = b.takenAt.slice(0, 10);
    if (!days.has(day) && days.size < keep.daily) kept.add(b.name);
    days.add(day);
    const week = weekOf(b.takenAt);
    if (!weeks.has(week) && weeks.size < keep.weekly) kept.add(b.name);
    weeks.add(week);
  }
  return kept;
}
