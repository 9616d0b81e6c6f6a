/** `cst sync status`, `cst members update`, `cst hub members`, `cst hub usage` (issue 4). */
import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';
import { countText } from '../../../shared/format/plural';
import { printNetworkStatus } from './sync';

export const syncStatusCommand: Command = {
  name: 'sync status',
  summary: 'fino a dove è sincronizzata questa installazione con il consorzio e cosa è ancora in attesa',
  usage: 'cst sync status',
  options: {},
  async run({ call, io, json, lang }) {
    const s = await callOrFail(call, 'sync.status', {});
    const network = await callOrFail(call, 'sync.network', {});
    if (!json) {
      if (!s.hub) io.out("Consorzio: identità non ancora importata.");
      else io.out(`Consorzio: ${s.hub.name} (${s.hub.id})${s.hub.confirmed ? '' : ' — identità da confermare'}`);
      io.out(`Sincronizzato fino all'evento ${s.hubSeqApplied} del consorzio${s.hubSeqAppliedAt ? ` (${s.hubSeqAppliedAt})` : ''}; ultima importazione: ${s.lastImportAt ?? 'mai'}`);
      io.out(`Nostri eventi: ${s.ourLastSeq}; confermati dal consorzio: ${s.ackedByHub ?? 'nessuno'}; in attesa di conferma: ${s.waiting}`);
      io.out(`Pacchetti ricevuti in attesa: ${s.pendingBundles}; ultima esportazione: ${s.lastExportAt ?? 'mai'}`);
      if (s.ackProblem) io.out(`ATTENZIONE: ${s.ackProblem}`);
      printNetworkStatus(network, io, lang);
    }
    // The position's fields stay where they were (scripts read them); the agent's under `network`.
    return { ...s, network };
  },
};

function intOption(v: unknown, flag: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^\d+$/.test(v)) throw new CliError(`${flag} vuole un numero intero.`, 2);
  return Number(v);
}

export const membersUpdateCommand: Command = {
  name: 'members update',
  summary: "consorzio: aggiorna la parte pubblica dell'anagrafe di un socio (popolazione ISTAT e anno, stato)",
  usage: 'cst members update ISTAT [--population N --year AAAA] [--status active|withdrawn] [--since AAAA-MM-GG]',
  options: { population: { type: 'string' }, year: { type: 'string' }, status: { type: 'string' }, since: { type: 'string' } },
  async run({ call, positionals, values, io, json }) {
    const istat = positionals[0];
    if (!istat || positionals.length > 1) throw new CliError('indicare il codice ISTAT del socio.', 2);
    const status = values.status;
    if (status !== undefined && status !== 'active' && status !== 'withdrawn') throw new CliError('--status vuole active oppure withdrawn.', 2);
    const population = intOption(values.population, '--population');
    const populationYear = intOption(values.year, '--year');
    const m = await callOrFail(call, 'members.update', {
      istat,
      ...(population !== undefined ? { population } : {}),
      ...(populationYear !== undefined ? { populationYear } : {}),
      ...(status ? { status } : {}),
      ...(typeof values.since === 'string' ? { memberSince: values.since } : {}),
    });
    if (!json) io.out(`${m.name} (${m.istat}): popolazione ${m.population ?? '-'} (${m.populationYear ?? '-'}), ${m.membership === 'active' ? 'socio' : 'receduto'}`);
    return m;
  },
};

export const hubMembersCommand: Command = {
  name: 'hub members',
  summary: 'consorzio: soci con stato, ultimo pacchetto, ultimo evento, giorni dall’ultima sincronizzazione',
  usage: 'cst hub members [--stale-days N]',
  options: { 'stale-days': { type: 'string' } },
  async run({ call, values, io, json }) {
    const staleDays = intOption(values['stale-days'], '--stale-days');
    const o = await callOrFail(call, 'hub.members.overview', staleDays !== undefined ? { staleDays } : {});
    if (!json) {
      for (const m of o.members) {
        io.out(
          `${m.istat}\t${m.name}\t${m.status}\tseq ${m.lastSeq}\t${m.lastBundleAt ?? 'mai'}\t${m.daysSinceLastSync ?? '-'} gg${m.stale ? '\tDA SOLLECITARE' : ''}${m.waitingBundles ? `\t${countText(m.waitingBundles, { one: 'pacchetto', other: 'pacchetti' })} in attesa (${countText(m.eventsWaiting, { one: 'evento', other: 'eventi' })})` : ''}`,
        );
      }
    }
    return o;
  },
};

export const hubUsageCommand: Command = {
  name: 'hub usage',
  summary: 'consorzio: utilizzi per servizio × socio × mese, con i totali',
  usage: 'cst hub usage [--service CODICE] [--member ISTAT] [--from AAAA-MM] [--to AAAA-MM]',
  options: { service: { type: 'string' }, member: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  async run({ call, values, io, json }) {
    const pick = (k: 'service' | 'member' | 'from' | 'to') => (typeof values[k] === 'string' ? { [k]: values[k] } : {});
    const t = await callOrFail(call, 'hub.usage.byMember', { ...pick('service'), ...pick('member'), ...pick('from'), ...pick('to') });
    if (!json) {
      for (const c of t.cells) io.out(`${c.service}\t${c.member}\t${c.month}\t${c.quantity}\t${c.entries}`);
      // A level held (GB, mailboxes) is each member's monthly average, summed over the members: never a sum of months.
      const level = new Set(t.services.filter((s) => s.measure === 'level').map((s) => s.code));
      for (const s of t.byService) io.out(`TOTALE ${s.service}\t${s.quantity}\t${s.entries}\t${level.has(s.service) ? 'somma delle medie mensili dei soci' : 'totale del periodo'}`);
    }
    return t;
  },
};
