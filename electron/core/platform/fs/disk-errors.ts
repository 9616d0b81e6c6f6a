import { AppError } from '../errors';

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

/** The refusal for a full disk while writing in `folder`; `done` says what became of the operation. */
export function diskFullError(folder: string, err: unknown, done = "L'operazione è stata annullata e i dati già registrati non sono stati toccati"): AppError {
  const reason = errorCode(err) || 'ENOSPC';
  return new AppError(
    'E_DISK_FULL',
    `Il disco è pieno: non c'è più spazio per scrivere in ${folder}. ${done}: liberare spazio sul disco (svuotare il cestino, spostare altrove i file che non servono) e riprovare.`,
    { params: { folder, reason } },
  );
}

/** Rethrows a full disk as E_DISK_FULL (an AppError or any other error passes unchanged). */
export function asDiskFull(folder: string, err: unknown, done?: string): unknown {
  if (err instanceof AppError || !isDiskFull(err)) return err;
  return diskFullError(folder, err, done);
}
