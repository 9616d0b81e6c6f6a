/**
 * Online backups of the database (docs/design.md "Store"): `<data dir>/backups/cst-desk-<UTC>.sqlite`,
 * each verified with quick_check when taken, with the installation's keys beside it.
 */

/** One verified copy in the backups folder. */
export interface BackupEntry {
  /** File name inside the backups folder, e.g. `cst-desk-2026-11-26T09-00-00Z.sqlite`. */
  name: string;
  /** When it was taken (RFC 3339 UTC), read from its name. */
  takenAt: string;
  sizeBytes: number;
  /** The copy passed quick_check when taken (a failed one is deleted) and its keys file is beside it. */
  ok: boolean;
}

/** The outcome of the last backup attempt, automatic or asked for. */
export interface BackupAttempt {
  at: string;
  ok: boolean;
  /** The copy made, when ok. */
  name?: string;
  /** Why it failed, when not ok: the same code + params + Italian message as an API error. */
  error?: { code: string; message: string; params?: Record<string, string | number> };
}

export interface BackupOverview {
  /** The backups folder (absolute). */
  folder: string;
  /** Newest first. */
  backups: BackupEntry[];
  lastAttempt: BackupAttempt | null;
  /** A backup is being taken right now. */
  running: boolean;
}

/** Rotation: the newest copy of each of the last `daily` days and of the last `weekly` weeks that have one. */
export const BACKUP_KEEP = { daily: 7, weekly: 4 } as const;

/**
 * The copy to restore from the window: a name from `backup.list` (never a path), or the bytes
 * of a file the clerk chose (a copy kept on a USB stick). The window never names a path.
 */
export type BackupRestoreSource = { name: string } | { fileName: string; contentBase64: string };

/** What a restore would do, shown in the confirmation before anything changes (`backup.restorePreview`). */
export interface BackupRestorePreview {
  source: { kind: 'listed'; name: string } | { kind: 'file'; fileName: string };
  /** When the copy was taken (from its name), or null for a file named otherwise. */
  takenAt: string | null;
  /** Whose data the copy holds (always this installation: another one is refused). */
  installation: { role: 'municipality' | 'hub'; id: string; name: string };
  /** This installation's own records (events of its log) in the copy and here now, and the time of the last one. */
  copy: { events: number; lastEventAt: string | null };
  current: { events: number; lastEventAt: string | null };
}

/** `backup.restore`: done; the window reloads, since every screen's data came from the database replaced. */
export interface BackupRestoreResult {
  /** The copy restored (its name in the list, or the uploaded file's name). */
  restored: string;
  takenAt: string | null;
  /**
   * The backup of the data as they were just before, in the list: restoring it undoes this
   * restore. null when the store was damaged (no sound copy can be taken of it; the damaged
   * database is kept aside as `movedAside`).
   */
  savedFirst: string | null;
  /** The replaced database, also kept in the data folder (`cst-desk.sqlite.before-restore-<UTC>`). */
  movedAside: string | null;
  /** This installation's own records now in place. */
  events: number;
  role: 'municipality' | 'hub';
}
