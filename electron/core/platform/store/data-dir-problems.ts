import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../errors';
import { diskFullError, errorCode, isDiskFull } from '../fs/disk-errors';
import { DB_FILE_NAME } from './db-file';

/**
 * Why a data folder cannot be used, in one sentence a clerk can act on. The error SQLite or the
 * system gives says little (`SQLITE_IOERR_LOCK` for a read-only disk, `EEXIST` for a file in
 * place of the folder), so the folder is looked at instead: what is there, and whether it can
 * be written. The raw code stays in `params.code` for support.
 */
export function dataDirProblem(dataDir: string, err: unknown): AppError {
  const code = errorCode(err) || String(err);
  if (isDiskFull(err)) return diskFullError(dataDir, err, 'Nessun dato è stato modificato');
  const file = fileInPlaceOfFolder(dataDir);
  if (file) return notAFolder(dataDir, file, code);
  const nearest = nearestExisting(dataDir);
  if (code === 'EROFS' || cannotWrite(nearest) === 'EROFS') {
    return new AppError(
      'E_DATA_DIR',
      `La cartella dati ${dataDir} è su un disco in sola lettura (un CD, una chiavetta protetta, un disco montato solo in lettura): CST Desk deve poterci scrivere. Copiare la cartella sul disco del computer e indicare quella copia, oppure togliere la protezione dal disco.`,
      { params: { dataDir, reason: 'read_only_disk', code } },
    );
  }
  const db = join(dataDir, DB_FILE_NAME);
  if (existsSync(db) && cannotWrite(db) !== null) {
    return new AppError(
      'E_DATA_DIR',
      `Il database ${db} è protetto da scrittura (sola lettura): CST Desk deve poterlo modificare. Togliere la protezione dal file (Proprietà › «Sola lettura», oppure chiedere all'amministratore del computer) e riprovare; il file non è stato modificato.`,
      { params: { dataDir, reason: 'read_only_file', code } },
    );
  }
  if (cannotWrite(nearest) !== null || ['EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_READONLY_DIRECTORY'].includes(code)) {
    return new AppError(
      'E_DATA_DIR',
      `Non è possibile scrivere nella cartella dati ${dataDir}. Scegliere una cartella sul disco del computer in cui l'utente può scrivere (non una chiavetta USB né una cartella di rete).`,
      { params: { dataDir, reason: 'not_writable', code } },
    );
  }
  return new AppError(
    'E_DATA_DIR',
    `Non è possibile aprire la cartella dati ${dataDir}: il sistema ha rifiutato l'accesso ai file. Controllare che la cartella sia sul disco del computer e riprovare; se si ripete, avvisare il consorzio indicando il codice ${code}.`,
    { params: { dataDir, reason: 'system', code } },
  );
}

/**
 * For the commands that only read (check, log verify, identity show…): the data folder must
 * already hold a database. Opening a mistyped folder would create an empty one and report it
 * healthy.
 */
export function requireExistingStore(dataDir: string): void {
  const file = fileInPlaceOfFolder(dataDir);
  if (file) throw notAFolder(dataDir, file, 'ENOTDIR');
  if (!existsSync(dataDir)) {
    throw new AppError(
      'E_DATA_DIR',
      `La cartella dati ${dataDir} non esiste: controllare il percorso indicato (--data-dir o CST_DATA_DIR). Per configurare una nuova installazione usare cst init.`,
      { params: { dataDir, reason: 'missing' } },
    );
  }
  if (!existsSync(join(dataDir, DB_FILE_NAME))) {
    throw new AppError(
      'E_NOT_INITIALIZED',
      `Nella cartella dati ${dataDir} l'installazione non è ancora configurata (non c'è il database ${DB_FILE_NAME}): controllare il percorso indicato (--data-dir o CST_DATA_DIR), oppure configurarla con cst init. Nulla è stato creato.`,
      { params: { dataDir, reason: 'no_database' } },
    );
  }
}

function notAFolder(dataDir: string, file: string, code: string): AppError {
  return new AppError(
    'E_DATA_DIR',
    `${file} è un file, non una cartella: la cartella dati ${dataDir} non può stare lì. Indicare un'altra cartella (--data-dir o CST_DATA_DIR), oppure spostare o rinominare quel file.`,
    { params: { dataDir, reason: 'not_a_folder', path: file, code } },
  );
}

/** The path itself, or the first of its parents, that exists and is not a folder. */
function fileInPlaceOfFolder(path: string): string | null {
  for (let p = path; ; p = dirname(p)) {
    try {
      return statSync(p).isDirectory() ? null : p;
    } catch {
      if (dirname(p) === p) return null;
    }
  }
}

function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/** Null when `path` can be written; otherwise the system's code (EROFS holds even for root). */
function cannotWrite(path: string): string | null {
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch (err) {
    return errorCode(err) || 'EACCES';
  }
}
