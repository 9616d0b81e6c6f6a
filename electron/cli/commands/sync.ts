/** `cst sync config` and `cst sync now`: the network sync of docs/sync.md "The sync agent". */
import { resolve } from 'node:path';
import type { NetworkSyncStatus } from '../../../shared/domain/network-sync';
import type { Language } from '../../../shared/errors/catalogue';
import { sentenceFor } from '../../../shared/errors/catalogue';
import { callOrFail } from '../call-or-fail';
import { CliError, type CliIo, type Command } from '../cli-types';

const STATE_WORDS: Record<NetworkSyncStatus['state'], string> = {
  off: 'non configurata',
  idle: 'in ordine',
  syncing: 'in corso',
  offline: 'server non raggiungibile, nuovi tentativi in corso',
  error: 'rifiutata (vedere l’ultimo errore)',
};

/** The network part of `cst sync status` and the end of `cst sync config`/`cst sync now`. */
export function printNetworkStatus(s: NetworkSyncStatus, io: CliIo, lang: Language): void {
  const where = s.mailbox
    ? `server del consorzio ${s.mailbox}${s.mailboxFromHub ? ' (indicato dal consorzio)' : ''}`
    : s.folder
      ? `cartella condivisa ${s.folder}`
      : s.federation?.provinces.length
        ? 'le caselle postali degli uffici provinciali'
        : 'nessuna';
  io.out(`Sincronizzazione in rete: ${STATE_WORDS[s.state]}; tramite: ${where}${s.mailbox && s.folder ? ` (cartella condivisa ${s.folder} non usata)` : ''}`);
  if (s.state === 'off') return;
  io.out(`Ultima sincronizzazione riuscita: ${s.lastSuccessAt ?? 'mai'}; ultimo tentativo: ${s.lastAttemptAt ?? 'mai'}; prossimo tentativo: ${s.nextAttemptAt ?? '-'}`);
  io.out(`Eventi da inviare: ${s.eventsToSend}; pacchetti in uscita: ${s.bundlesToSend}; pacchetti ricevuti in attesa di essere applicati: ${s.bundlesToApply}`);
  if (s.lastError) io.out(`Ultimo errore: ${lang === 'en' ? s.lastError.en : s.lastError.it}`);
  const f = s.federation;
  if (f?.toForward) {
    const skipped = f.toForward.notForRegion > 0 ? `; cifrati al solo consorzio, non inoltrati (l'ufficio regionale non potrebbe aprirli): ${f.toForward.notForRegion}` : '';
    io.out(`Pacchetti dei soci da inoltrare all'ufficio regionale ${f.toForward.region}: ${f.toForward.files}${skipped}`);
    io.out(`Pacchetti dell'ufficio regionale ${f.toForward.region} da inoltrare ai soci: ${f.toForward.toMembers}`);
  }
  for (const p of f?.provinces ?? []) {
    const c = p.lastCollection;
    const what = c
      ? `ultima raccolta ${c.at}: ricevuti ${c.received}, applicati ${c.applied}, duplicati ${c.duplicate}, in attesa ${c.waiting}, rifiutati ${c.refused}; nostri pacchetti inviati ${c.sent ?? 0}${c.error ? `; ${lang === 'en' ? c.error.en : c.error.it}` : ''}`
      : 'nessuna raccolta ancora';
    io.out(`Ufficio provinciale ${p.name} (${p.id}), casella ${p.mailbox}: ${what}`);
  }
}

export const syncConfigCommand: Command = {
  name: 'sync config',
  summary: 'imposta (o toglie, con "") l’indirizzo del server del consorzio e la cartella condivisa per la sincronizzazione in rete',
  usage: 'cst sync config [--mailbox URL|""] [--folder CARTELLA|""]',
  options: { mailbox: { type: 'string' }, folder: { type: 'string' } },
  async run({ call, values, io, json, lang }) {
    const { mailbox, folder } = values;
    if (mailbox === undefined && folder === undefined) {
      const s = await callOrFail(call, 'sync.network', {});
      if (!json) printNetworkStatus(s, io, lang);
      return s;
    }
    if (mailbox !== undefined && typeof mailbox !== 'string') throw new CliError('--mailbox vuole un indirizzo (oppure "" per toglierlo).', 2);
    if (folder !== undefined && typeof folder !== 'string') throw new CliError('--folder vuole una cartella (oppure "" per toglierla).', 2);
    const s = await callOrFail(call, 'sync.configure', {
      ...(mailbox !== undefined ? { mailbox: mailbox.trim() === '' ? null : mailbox } : {}),
      ...(folder !== undefined ? { folder: folder.trim() === '' ? null : resolve(folder) } : {}),
    });
    if (!json) printNetworkStatus(s, io, lang);
    return s;
  },
};

export const syncNowCommand: Command = {
  name: 'sync now',
  summary: 'sincronizza subito con il consorzio (server o cartella condivisa): invia, riceve e applica',
  usage: 'cst sync now',
  options: {},
  async run({ call, io, json, lang }) {
    const s = await callOrFail(call, 'sync.now', {});
    if (s.state === 'off') throw new CliError(sentenceFor('syncAgent.off', {}, lang), 1, 'E_SYNC_OFF');
    if (s.lastError) throw new CliError(lang === 'en' ? s.lastError.en : s.lastError.it, 1, 'E_SYNC_FAILED');
    if (!json) {
      const r = s.lastRound;
      if (r) io.out(`Sincronizzazione riuscita. Pacchetti inviati: ${r.sent}, ricevuti: ${r.received}, applicati: ${r.applied}.`);
      printNetworkStatus(s, io, lang);
    }
    return s;
  },
};
