import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'riempie un comune appena configurato con dati dimostrativi realistici',
  usage: 'cst demo [--months 12] [--seed N]',
  options: { months: { type: 'string' }, seed: { type: 'string' } },
  async run({ call, values, io, json }) {
    const int = (v: unknown, flag: string, fallback: number) => {
      if (v === undefined) return fallback;
      if (typeof v !== 'string' || !/^\d{1,9}$/.test(v)) throw new CliError(`${flag} vuole un numero intero.`, 2);
      return Number(v);
    };
    const s = await callOrFail(call, 'demo.fill', { months: int(values.months, '--months', 12), seed: int(values.seed, '--seed', 1) });
    if (!json) {
      io.out(`Dati dimostrativi di ${s.months} mesi (seme ${s.seed}):`);
      io.out(`  ${s.usageEntries} utilizzi, ${s.staff} persone, ${s.courses} corsi con ${s.participations} partecipazioni,`);
      io.out(`  ${s.groups} gruppi con ${s.memberships} partecipanti e ${s.meetings} riunioni, ${s.proposals} proposte; ${s.events} eventi.`);
    }
    return s;
  },
};
