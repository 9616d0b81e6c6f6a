import { APP_VERSION } from '../../core/platform/app-version';
import { stderrLog } from '../../core/platform/defaults';
import { buildNationalDemo, type NationalProgress } from '../../core/app/national/national-demo';
import { formatInteger } from '../../../shared/format/numbers';
import { callOrFail } from '../call-or-fail';
import { CliError, type CommandContext, type Command } from '../cli-types';
import { showProgress } from './records-csv';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'riempie un comune (o un consorzio) appena configurato con dati dimostrativi realistici',
  usage:
    'cst demo [--months 12] [--seed N]   (sul consorzio: soci, utilizzi, proposte in ogni stato, piano approvato)\n' +
    '       cst demo --national [--years 10] [--seed N] [--members K] --data-dir CARTELLA   (tutti i 7.896 comuni, ognuno con i suoi pacchetti firmati)',
  options: { months: { type: 'string' }, seed: { type: 'string' }, national: { type: 'boolean' }, years: { type: 'string' }, members: { type: 'string' } },
  async run(ctx) {
    const { call, values, io, json, backend } = ctx;
    const int = (v: unknown, flag: string, fallback: number) => {
      if (v === undefined) return fallback;
      if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) throw new CliError(`${flag} vuole un numero intero.`, 2);
      return Number(v);
    };
    // Usage first (exit 2), before the data folder is opened.
    const seed = int(values.seed, '--seed', 1);
    if (values.national) return nationalDemo(ctx, seed, int(values.years, '--years', 10), values.members === undefined ? undefined : int(values.members, '--members', 0));
    if (values.years !== undefined || values.members !== undefined) throw new CliError('--years e --members valgono solo con --national.', 2);
    const months = int(values.months, '--months', 12);
    const status = await callOrFail(call, 'app.status', {});
    if (status.installation?.role === 'hub') {
      const h = await callOrFail(call, 'demo.hub', { seed });
      if (!json) {
        io.out(`Consorzio dimostrativo (seme ${h.seed}): ${h.members} soci, ${h.usageRows} totali mensili di utilizzo,`);
        io.out(`  ${h.proposals} proposte da ${h.towns} comuni (una in ogni stato), piano ${h.planYear}: ${h.planState}; ${h.events} eventi.`);
      }
      return h;
    }
    const endProgress = showProgress({ backend, json }, ['demo.fill']); // before the call: its work starts at once
    const s = await callOrFail(call, 'demo.fill', { months, seed }).finally(endProgress);
    if (!json) {
      io.out(`Dati dimostrativi di ${s.months} mesi (seme ${s.seed}):`);
      io.out(`  ${s.usageEntries} utilizzi, ${s.staff} persone, ${s.courses} corsi con ${s.participations} partecipazioni,`);
      io.out(`  ${s.groups} gruppi con ${s.memberships} partecipanti e ${s.meetings} riunioni, ${s.proposals} proposte; ${s.events} eventi.`);
    }
    return s;
  },
};

/**
 * `--national`: the data folder becomes (or must be) a hub that has received nothing yet, so
 * this opens it itself, creating it when missing, like `cst init` (national-demo.ts).
 */
async function nationalDemo({ values, io, json, dataDir }: CommandContext, seed: number, years: number, members: number | undefined) {
  if (values.months !== undefined) throw new CliError('Con --national il periodo si indica con --years, non con --months.', 2);
  if (years < 1 || years > 20) throw new CliError('--years vuole un numero di anni da 1 a 20.', 2);
  if (members !== undefined && members < 1) throw new CliError('--members vuole almeno un comune.', 2);
  const t0 = performance.now();
  const showing = !json && process.stderr.isTTY;
  const progress = (p: NationalProgress) => {
    const rate = Math.round((p.events * 1000) / Math.max(1, performance.now() - t0));
    if (showing) process.stderr.write(`\rComuni ${formatInteger(p.membersDone)} su ${formatInteger(p.membersTotal)}, ${formatInteger(p.events)} eventi, ${formatInteger(rate)} eventi/s    `);
  };
  const s = await buildNationalDemo({ dataDir, seed, years, ...(members !== undefined ? { members } : {}), appVersion: APP_VERSION, log: stderrLog, onProgress: progress });
  if (showing) process.stderr.write('\n');
  if (!json) {
    io.out(`Consorzio ${s.hubId} dimostrativo (seme ${s.seed}): ${formatInteger(s.membersDone)} comuni, ${s.years} anni, ${formatInteger(s.events)} eventi in ${formatInteger(s.membersDone)} pacchetti firmati e cifrati.`);
    io.out(`  ${formatInteger(Math.round(s.eventsPerSecond))} eventi/s in tutto (importazione: ${formatInteger(Math.round(s.importEventsPerSecond))} eventi/s); database ${formatInteger(Math.round(s.databaseBytes / 1e6))} MB, pacchetti archiviati ${formatInteger(Math.round(s.archiveBytes / 1e6))} MB.`);
  }
  return s;
}
