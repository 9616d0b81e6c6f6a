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
