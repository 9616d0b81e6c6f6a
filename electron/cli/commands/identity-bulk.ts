import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { IdentityConfirmOutcome, IdentityImportOutcome } from '../../../shared/domain/identity-bulk';
import { apiErrorText } from '../../../shared/errors/catalogue';
import { callOrFail } from '../call-or-fail';
import { CliError, type CliIo, type Command } from '../cli-types';

const IMPORT_LABEL: Record<IdentityImportOutcome, string> = {
  imported: 'importata',
  replaced: 'sostituita',
  unchanged: 'già presente',
  skipped: 'ignorato',
  failed: 'NON importata',
};

const CONFIRM_LABEL: Record<IdentityConfirmOutcome, string> = {
  confirmed: 'confermata',
  alreadyConfirmed: 'già confermata',
  mismatch: 'NON confermata',
};

/** Something failed: exit 1, after the whole result (with --json, as its own document first, as `bundle import` does). */
function failWith(io: CliIo, json: boolean, value: unknown, message: string): never {
  if (json) io.out(JSON.stringify({ ok: false, value }));
  throw new CliError(message);
}

/** A folder: its .cstid files (not its subfolders), in name order; a file: itself (.zip or .cstid). */
function filesOf(path: string): { path: string; name: string }[] {
  let folder: boolean;
  try {
    folder = statSync(path).isDirectory();
  } catch (err) {
    throw new CliError(`Impossibile leggere ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  if (!folder) return [{ path, name: basename(path) }];
  const names = readdirSync(path, { withFileTypes: true })
    .filter((e) => e.isFile() && /\.cstid$/i.test(e.name))
    .map((e) => e.name)
    .sort();
  if (names.length === 0) throw new CliError(`la cartella ${path} non contiene file .cstid.`);
  return names.map((name) => ({ path: join(path, name), name }));
}

export const identityImportManyCommand: Command = {
  name: 'identity import-many',
  summary: 'consorzio: importa molti file di identità (una cartella di .cstid o uno ZIP), ciascuno verificato a sé',
  usage: 'cst identity import-many CARTELLA|FILE.zip',
  options: {},
  async run({ call, positionals, io, json, lang }) {
    const path = positionals[0];
    if (!path || positionals.length > 1) throw new CliError('indicare una cartella di file .cstid o un file .zip.', 2);
    const result = await callOrFail(call, 'identity.importMany', { files: filesOf(resolve(path)) });
    const { counts, items } = result;
    if (!json) {
      for (const item of items) {
        if (item.outcome !== 'failed' && item.outcome !== 'skipped') continue;
        io.out(`${IMPORT_LABEL[item.outcome]}\t${item.source}\t${item.error ? apiErrorText(item.error, lang) : ''}`);
      }
      io.out(
        `Identità importate: ${counts.imported}; sostituite: ${counts.replaced}; già presenti: ${counts.unchanged}; ` +
          `file ignorati: ${counts.skipped}; con problemi: ${counts.failed} (su ${items.length}).`,
      );
      if (counts.imported + counts.replaced > 0) io.out('Da confermare con l’elenco delle impronte: cst identity confirm-many ELENCO.csv');
    }
    if (counts.failed > 0) failWith(io, json, result, `${counts.failed} file di identità non importati: vedere l’elenco sopra.`);
    return result;
  },
};

export const identityConfirmManyCommand: Command = {
  name: 'identity confirm-many',
  summary: "consorzio: conferma le identità da un elenco CSV (codice ISTAT; impronta) giunto per un canale sicuro",
  usage: 'cst identity confirm-many ELENCO.csv',
  options: {},
  async run({ call, positionals, io, json, lang }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError('indicare il file CSV con codice ISTAT e impronta.', 2);
    const result = await callOrFail(call, 'identity.confirmMany', { path: resolve(file), name: file });
    const { counts, rows } = result;
    if (!json) {
      for (const row of rows) {
        if (row.outcome !== 'mismatch') continue;
        io.out(`riga ${row.line}\t${row.istat}\t${row.name ?? ''}\t${CONFIRM_LABEL[row.outcome]}: ${row.error ? apiErrorText(row.error, lang) : ''}`);
      }
      io.out(`Confermate: ${counts.confirmed}; già confermate: ${counts.alreadyConfirmed}; non confermate: ${counts.mismatch} (righe: ${rows.length}).`);
      if (result.applied.length > 0) io.out(`Pacchetti ricevuti prima della conferma e ora letti: ${result.applied.length}.`);
    }
    if (counts.mismatch > 0) failWith(io, json, result, `${counts.mismatch} righe dell’elenco non confermate: vedere l’elenco sopra.`);
    return result;
  },
};
