import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';
import { showProgress } from './records-csv';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'riempie un comune (o un consorzio) appena configurato con dati dimostrativi realistici',
  usage: 'cst demo [--months 12] [--seed N]   (sul consorzio: soci, utilizzi, proposte in ogni stato, piano approvato)',
  options: { months: { type: 'string' }, seed: { type: 'string' } },
  async run({ call, values, io, json, backend }) {
    const int = (v: unknown, flag: string, fallback: number) => {
      if (v === undefined) return fallback;
      if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) throw new CliError(`${flag} vuole un numero intero.`, 2);
      return Number(v);
    };
    // Usage first (exit 2), before the data folder is opened.
    const months = int(values.months, '--months', 12);
    const seed = int(values.seed, '--seed', 1);
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
