/** `cst federation …`: provincial hubs reporting to a regional hub (docs/federation.md). */
import { resolve } from 'node:path';
import type { FederationHub, UsageTotals } from '../../../shared/domain/federation';
import { IdentityFileError, readIdentityFileBytes } from '../../core/format/container/identity-file';
import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';
import { importLine } from './bundle';

function readCstid(file: string | undefined, extra: number): Buffer {
  if (!file || extra > 1) throw new CliError('indicare un file .cstid.', 2);
  try {
    return readIdentityFileBytes(resolve(file));
  } catch (err) {
    if (err instanceof IdentityFileError) throw new CliError(err.message);
    throw new CliError(`Impossibile leggere ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
}

function hubLines(h: FederationHub, confirmHint: string): string[] {
  return [
    `${h.relation === 'regional' ? 'Ufficio regionale' : 'Ufficio provinciale'}: ${h.name} (${h.id}), chiave ${h.keyId}`,
    `Impronta: ${h.fingerprint}`,
    h.status === 'confirmed' ? `Stato: confermato il ${h.confirmedAt}` : `Stato: in attesa. Leggere l'impronta al telefono con l'altro ufficio, poi: ${confirmHint}`,
  ];
}

export const federationRegionalImportCommand: Command = {
  name: 'federation regional-import',
  summary: "(ufficio provinciale) importa l'identità dell'ufficio regionale e ne mostra l'impronta da confermare",
  usage: 'cst federation regional-import REGIONE.cstid',
  options: {},
  async run({ call, positionals, io, json }) {
    const bytes = readCstid(positionals[0], positionals.length);
    const hub = await callOrFail(call, 'federation.regional.import', { contentBase64: bytes.toString('base64') });
    if (!json) for (const l of hubLines(hub, `cst federation regional-confirm --fingerprint "${hub.fingerprint}"`)) io.out(l);
    return hub;
  },
};

export const federationRegionalConfirmCommand: Command = {
  name: 'federation regional-confirm',
  summary: "(ufficio provinciale) conferma l'impronta dell'ufficio regionale e lo annuncia ai soci",
  usage: 'cst federation regional-confirm --fingerprint "NNNNN NNNNN NNNNN NNNNN NNNNN NNNNN"',
  options: { fingerprint: { type: 'string' } },
  async run({ call, values, io, json }) {
    if (typeof values.fingerprint !== 'string') throw new CliError('manca --fingerprint "…".', 2);
    const hub = await callOrFail(call, 'federation.regional.confirm', { fingerprint: values.fingerprint });
    if (!json) io.out(`Ufficio regionale ${hub.name} (${hub.id}) confermato: i soci cifreranno i prossimi pacchetti anche per lui.`);
    return hub;
  },
};

export const federationRegionalCommand: Command = {
  name: 'federation regional',
  summary: "(ufficio provinciale) mostra l'ufficio regionale a cui riferisce questo consorzio",
  usage: 'cst federation regional',
  options: {},
  async run({ call, io, json }) {
    const { regional } = await callOrFail(call, 'federation.regional.show', {});
    if (!json) {
      if (!regional) io.out('Nessun ufficio regionale.');
      else for (const l of hubLines(regional, `cst federation regional-confirm --fingerprint "${regional.fingerprint}"`)) io.out(l);
    }
    return regional;
  },
};

export const federationRegionalRemoveCommand: Command = {
  name: 'federation regional-remove',
  summary: "(ufficio provinciale) smette di riferire all'ufficio regionale (i soci smettono di cifrare per lui)",
  usage: 'cst federation regional-remove',
  options: {},
  async run({ call, io, json }) {
    const r = await callOrFail(call, 'federation.regional.remove', {});
    if (!json) io.out(r.removed ? 'Ufficio regionale rimosso.' : 'Nessun ufficio regionale da rimuovere.');
    return r;
  },
};

export const federationForwardCommand: Command = {
  name: 'federation forward',
  summary: "(ufficio provinciale) scrive in una cartella l'elenco firmato dei soci e i loro pacchetti ricevuti, byte per byte, per l'ufficio regionale",
  usage: 'cst federation forward --dir CARTELLA [--all]',
  options: { dir: { type: 'string' }, all: { type: 'boolean' } },
  async run({ call, values, io, json }) {
    if (typeof values.dir !== 'string') throw new CliError('manca --dir CARTELLA.', 2);
    const r = await callOrFail(call, 'federation.forward', { dir: resolve(values.dir), all: values.all === true });
    if (!json) {
      io.out(`${r.dir}: elenco n. ${r.rosterSerial} (${r.members} soci) e ${r.files} pacchetti (${r.bytes} byte) per ${r.region}`);
      if (r.notForRegion > 0) io.out(`${r.notForRegion} pacchetti cifrati al solo consorzio (inviati prima che il socio conoscesse l'ufficio regionale) non inoltrati: l'ufficio regionale non potrebbe aprirli`);
    }
    return r;
  },
};

export const federationProvinceImportCommand: Command = {
  name: 'federation province-import',
  summary: "(ufficio regionale) importa l'identità di un ufficio provinciale e ne mostra l'impronta da confermare",
  usage: 'cst federation province-import CONSORZIO.cstid',
  options: {},
  async run({ call, positionals, io, json }) {
    const bytes = readCstid(positionals[0], positionals.length);
    const hub = await callOrFail(call, 'federation.province.import', { contentBase64: bytes.toString('base64') });
    if (!json) for (const l of hubLines(hub, `cst federation province-confirm ${hub.id} --fingerprint "${hub.fingerprint}"`)) io.out(l);
    return hub;
  },
};

export const federationProvinceConfirmCommand: Command = {
  name: 'federation province-confirm',
  summary: "(ufficio regionale) conferma l'impronta di un ufficio provinciale",
  usage: 'cst federation province-confirm ID --fingerprint "NNNNN NNNNN NNNNN NNNNN NNNNN NNNNN"',
  options: { fingerprint: { type: 'string' } },
  async run({ call, positionals, values, io, json }) {
    const id = positionals[0];
    if (!id || positionals.length > 1) throw new CliError('indicare il codice del consorzio provinciale.', 2);
    if (typeof values.fingerprint !== 'string') throw new CliError('manca --fingerprint "…".', 2);
    const hub = await callOrFail(call, 'federation.province.confirm', { id, fingerprint: values.fingerprint });
    if (!json) io.out(`Ufficio provinciale ${hub.name} (${hub.id}) confermato.`);
    return hub;
  },
};

export const federationProvinceMailboxCommand: Command = {
  name: 'federation province-mailbox',
  summary: "(ufficio regionale) indica (o toglie, con \"\") l'indirizzo della casella postale di un ufficio provinciale: la sincronizzazione vi raccoglie ciò che inoltra",
  usage: 'cst federation province-mailbox ID --url URL|""',
  options: { url: { type: 'string' } },
  async run({ call, positionals, values, io, json }) {
    const id = positionals[0];
    if (!id || positionals.length > 1) throw new CliError('indicare il codice del consorzio provinciale.', 2);
    if (typeof values.url !== 'string') throw new CliError('manca --url URL (oppure "" per toglierlo).', 2);
    const p = await callOrFail(call, 'federation.province.mailbox', { id, url: values.url.trim() === '' ? null : values.url });
    if (!json) io.out(p.mailbox ? `Ufficio provinciale ${p.name} (${p.id}): casella postale ${p.mailbox}. La sincronizzazione vi raccoglierà ciò che inoltra.` : `Ufficio provinciale ${p.name} (${p.id}): nessuna casella postale; i suoi pacchetti arrivano solo per cartella.`);
    return p;
  },
};

export const federationImportCommand: Command = {
  name: 'federation import',
  summary: "(ufficio regionale) importa una cartella inoltrata da un ufficio provinciale: l'elenco firmato dei soci, poi i pacchetti",
  usage: 'cst federation import CARTELLA',
  options: {},
  async run({ call, positionals, io, json, lang }) {
    const dir = positionals[0];
    if (!dir || positionals.length > 1) throw new CliError('indicare una cartella scritta da cst federation forward.', 2);
    const r = await callOrFail(call, 'federation.import', { dir: resolve(dir) });
    if (!json) {
      const ro = r.roster;
      io.out(`Inoltrato da ${r.province.name} (${r.province.id}).`);
      io.out(
        ro.taken
          ? `Elenco dei soci n. ${ro.serial}: ${ro.vouched} garantiti${ro.added.length ? `, nuovi ${ro.added.join(' ')}` : ''}${ro.removed.length ? `, tolti ${ro.removed.join(' ')}` : ''}.`
          : `Elenco dei soci n. ${ro.serial} già superato da uno più recente: non cambia nulla (${ro.vouched} garantiti).`,
      );
      for (const x of ro.refused) io.out(`  RIFIUTATO ${x.istat}: ${x.reason}`);
      for (const res of r.results) io.out(importLine(res, lang));
      for (const a of r.alsoApplied) io.out(`  + ${importLine(a, lang)}`);
    }
    return r;
  },
};

export const federationProvincesCommand: Command = {
  name: 'federation provinces',
  summary: '(ufficio regionale) elenca gli uffici provinciali, i soci che garantiscono e i dati ricevuti',
  usage: 'cst federation provinces',
  options: {},
  async run({ call, io, json }) {
    const list = await callOrFail(call, 'federation.provinces', {});
    if (!json) {
      if (list.length === 0) io.out('Nessun ufficio provinciale.');
      for (const p of list) {
        io.out(`${p.id}\t${p.name}\t${p.status === 'confirmed' ? 'confermato' : 'in attesa'}\telenco n. ${p.rosterSerial}\tsoci ${p.members} (con dati ${p.membersWithData})\teventi ${p.eventsReceived}`);
      }
    }
    return list;
  },
};

export const federationRosterCommand: Command = {
  name: 'federation roster',
  summary: "(ufficio regionale) i comuni che un ufficio provinciale garantisce, con chiave e impronta",
  usage: 'cst federation roster ID',
  options: {},
  async run({ call, positionals, io, json }) {
    const province = positionals[0];
    if (!province || positionals.length > 1) throw new CliError('indicare il codice del consorzio provinciale.', 2);
    const list = await callOrFail(call, 'federation.roster', { province });
    if (!json) {
      if (list.length === 0) io.out('Nessun comune garantito.');
      for (const m of list) io.out(`${m.istat}\t${m.name}\t${m.vouched ? 'garantito' : 'TOLTO'}\tchiave ${m.keyId}\timpronta ${m.fingerprint}\teventi ${m.eventsReceived}`);
    }
    return list;
  },
};

function totalsText(t: UsageTotals): string {
  // A level (mailboxes held, GB) is a monthly average, not a quantity used up: said so.
  const services = t.byService.map((s) => `${s.service} ${(s.quantityMilli / 1000).toLocaleString('it-IT')}${s.measure === 'level' ? ' in media al mese' : ''}`).join(', ');
  return `${t.entries} registrazioni${services ? ` (${services})` : ''}`;
}

export const federationUsageCommand: Command = {
  name: 'federation usage',
  summary: "(ufficio regionale) utilizzo dei servizi: regione, poi ogni provincia, poi ogni comune",
  usage: 'cst federation usage [--year AAAA]',
  options: { year: { type: 'string' } },
  async run({ call, values, io, json }) {
    const year = typeof values.year === 'string' ? Number(values.year) : undefined;
    if (year !== undefined && !Number.isInteger(year)) throw new CliError('--year vuole un anno, per esempio 2026.', 2);
    const u = await callOrFail(call, 'federation.usage', year === undefined ? {} : { year });
    if (!json) {
      io.out(`Regione${u.year ? ` (${u.year})` : ''}: ${totalsText(u.region)}`);
      for (const p of u.provinces) {
        io.out(`  ${p.name} (${p.id}): ${totalsText(p.totals)}`);
        for (const m of p.municipalities) io.out(`    ${m.name} (${m.istat}): ${totalsText(m.totals)}`);
      }
    }
    return u;
  },
};

export const federationForwardMembersCommand: Command = {
  name: 'federation forward-members',
  summary: "(ufficio provinciale) scrive per ogni socio, in CARTELLA/<ISTAT>/, i pacchetti dell'ufficio regionale ricevuti, byte per byte",
  usage: 'cst federation forward-members --dir CARTELLA [--all]',
  options: { dir: { type: 'string' }, all: { type: 'boolean' } },
  async run({ call, values, io, json }) {
    if (typeof values.dir !== 'string') throw new CliError('manca --dir CARTELLA.', 2);
    const r = await callOrFail(call, 'federation.forwardDown', { dir: resolve(values.dir), all: values.all === true });
    if (!json) {
      if (r.files === 0) io.out(`Nessun pacchetto nuovo di ${r.region} da inoltrare ai soci.`);
      for (const m of r.members) io.out(`${m.istat}\t${m.name}\t${m.files} pacchetti (${m.bytes} byte)\t${resolve(r.dir, m.istat)}`);
    }
    return r;
  },
};

export const federationReportPublishCommand: Command = {
  name: 'federation report-publish',
  summary: "(ufficio regionale) pubblica il resoconto regionale dell'anno: va agli uffici provinciali e ai loro soci",
  usage: 'cst federation report-publish --year AAAA',
  options: { year: { type: 'string' } },
  async run({ call, values, io, json }) {
    const year = typeof values.year === 'string' ? Number(values.year) : NaN;
    if (!Number.isInteger(year)) throw new CliError('manca --year AAAA, per esempio --year 2026.', 2);
    const r = await callOrFail(call, 'federation.report.publish', { year });
    if (!json) io.out(`Resoconto regionale ${r.year} pubblicato: ${r.provinces} uffici provinciali, ${r.members} soci, ${r.entries} registrazioni. Partirà con il prossimo pacchetto per ogni ufficio provinciale.`);
    return r;
  },
};

export const FEDERATION_COMMANDS: readonly Command[] = [
  federationRegionalImportCommand,
  federationRegionalConfirmCommand,
  federationRegionalCommand,
  federationRegionalRemoveCommand,
  federationForwardCommand,
  federationProvinceImportCommand,
  federationProvinceConfirmCommand,
  federationProvinceMailboxCommand,
  federationProvincesCommand,
  federationRosterCommand,
  federationImportCommand,
  federationUsageCommand,
  federationForwardMembersCommand,
  federationReportPublishCommand,
];
