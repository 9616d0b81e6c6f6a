import { AppError, appError } from '../errors';

/**
 * "The disk is full" has three spellings: the operating system's (ENOSPC; EDQUOT when the
 * user's quota on a shared server is used up) and SQLite's (SQLITE_FULL, whatever the cause).
 * Each is one sentence for the clerk, code E_DISK_FULL, with the folder that could not be
 * written, so that nobody is told that the file they chose is damaged or that an internal error
 * occurred when what is needed is free space.
 */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function isDiskFull(err: unknown): boolean {
  return DISK_FULL.has(errorCode(err));
}

/** What became of the operation the full disk stopped: each is its own catalogue sentence. */
const DISK_FULL_KEYS = {
  operation: 'disk.full',
  dataDir: 'disk.fullDataDir',
  file: 'disk.fullFile',
  archive: 'disk.fullArchive',
  backup: 'disk.fullBackup',
} as const;
export type DiskFullOutcome = keyof typeof DISK_FULL_KEYS;

/** The refusal for a full disk while writing in `folder`; `outcome` says what became of the operation. */
export function diskFullError(folder: string, err: unknown, outcome: DiskFullOutcome = 'operation'): AppError {
  return appError(DISK_FULL_KEYS[outcome], { folder }, { params: { reason: errorCode(err) || 'ENOSPC' } });
}

/** Rethrows a full disk as E_DISK_FULL (an AppError or any other error passes unchanged). */
export function asDiskFull(folder: string, err: unknown, outcome?: DiskFullOutcome): unknown {
  if (err instanceof AppError || !isDiskFull(err)) return err;
  return diskFullError(folder, err, outcome);
}
