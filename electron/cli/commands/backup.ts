/** `cst backup now|list|restore`: the online backups of docs/design.md "Store". */
import { restoreBackup } from '../../core/sync/backup/restore-backup';
import { systemClock } from '../../core/platform/defaults';
import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';
import { formatDecimal } from '../../../shared/format/numbers';

/** Binary megabytes, one decimal at most ("12,3 MB"), as the window's backup list shows them. */
const sizeText = (bytes: number) => `${formatDecimal(bytes / (1024 * 1024), 1)} MB`;

export const backupNowCommand: Command = {
  name: 'backup now',
  summary: 'crea subito una copia di sicurezza verificata del database (in backups/)',
  usage: 'cst backup now',
  options: {},
  async run({ call, io, json }) {
    const b = await callOrFail(call, 'backup.now', {});
    if (!json) io.out(`Copia di sicurezza creata e verificata: ${b.name} (${sizeText(b.sizeBytes)})`);
    return b;
  },
};

export const backupListCommand: Command = {
  name: 'backup list',
  summary: 'elenca le copie di sicurezza e l\'esito dell\'ultimo tentativo',
  usage: 'cst backup list [--json]',
  options: {},
  async run({ call, io, json }) {
    const o = await callOrFail(call, 'backup.list', {});
    if (!json) {
      io.out(`Cartella: ${o.folder}`);
      if (o.backups.length === 0) io.out('Nessuna copia di sicurezza.');
      for (const b of o.backups) io.out(`  ${b.name}  ${sizeText(b.sizeBytes)}${b.ok ? '' : '  (senza il file delle chiavi)'}`);
      if (o.lastAttempt && !o.lastAttempt.ok) io.out(`Ultimo tentativo non riuscito (${o.lastAttempt.at}): ${o.lastAttempt.error?.message ?? ''}`);
    }
    return o;
  },
};

export const backupRestoreCommand: Command = {
  name: 'backup restore',
  summary: 'ripristina una copia di sicurezza (con CST Desk chiuso); il database attuale viene messo da parte',
  usage: 'cst backup restore FILE [--force]',
  options: { force: { type: 'boolean' } },
  // Never opens the backend: the data directory must be free, and its database may be the damaged one.
  async run({ positionals, values, io, json, dataDir }) {
    const file = positionals[0];
    if (!file || positionals.length > 1) throw new CliError('indicare un solo file: la copia da ripristinare (vedere cst backup list).', 2);
    const r = restoreBackup({ dataDir, file, force: values.force === true, now: systemClock.now() });
    if (!json) {
      io.out(`Ripristinata la copia ${r.restored}.`);
      if (r.movedAside) io.out(`Il database di prima non è stato cancellato: si trova in ${r.movedAside}`);
      if (r.keysRestored) io.out('Anche le chiavi dell\'installazione sono state ripristinate dalla copia.');
      io.out(r.next);
    }
    return r;
  },
};
