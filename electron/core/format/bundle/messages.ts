import type { BundleErrorCode } from '../../../../shared/api/errors';
import type { Role } from '../../../../shared/domain/ids';
import { countText } from '../../../../shared/format/plural';

/** Italian sentences a clerk can act on, one per outcome (the technical detail goes beside them). */
export interface MessageParams {
  sender?: { kind: Role; id: string } | null;
  recipient?: { kind: Role; id: string } | null;
  us?: { kind: Role; id: string } | null;
  appVersion?: string | null;
  range?: { first: number; last: number } | null;
  missing?: { first: number; last: number } | null;
  line?: number;
  field?: string;
  what?: string;
  kind?: string;
  seq?: number;
  applied?: number;
}

function who(p: { kind: Role; id: string } | null | undefined): string {
  if (!p) return 'il mittente';
  return p.kind === 'hub' ? `il consorzio ${p.id}` : `il comune ${p.id}`;
}

/** "di" and "da" joined with the article, as Italian writes them: "del consorzio", "dal comune". */
function ofWho(p: { kind: Role; id: string } | null | undefined): string {
  return who(p).replace(/^il /, 'del ');
}

function fromWho(p: { kind: Role; id: string } | null | undefined): string {
  return who(p).replace(/^il /, 'dal ');
}

function range(r: { first: number; last: number } | null | undefined): string {
  if (!r) return '';
  return r.last < r.first ? ' (nessun evento, solo conferma di ricezione)' : ` (eventi ${r.first}–${r.last})`;
}

export function refusalMessage(code: BundleErrorCode, p: MessageParams = {}): string {
  switch (code) {
    case 'E_LIMIT':
      return 'Il pacchetto supera i limiti ammessi (dimensione del file, numero di eventi o di allegati): non è stato applicato. Chiedere al mittente di inviare i dati in più pacchetti.';
    case 'E_FORMAT':
      return 'Il file non è un pacchetto CST valido oppure è danneggiato (per esempio copiato solo in parte): non è stato applicato. Chiedere al mittente di esportarlo di nuovo.';
    case 'E_DECRYPT':
      return 'Il pacchetto è cifrato per un\'altra installazione e non può essere aperto qui: verificare di aver scelto il file giusto, destinato a questa installazione.';
    case 'E_VERSION':
      return `Il pacchetto è stato creato da una versione di CST Desk che questa non sa leggere (versione del mittente: ${p.appVersion ?? 'sconosciuta'}): aggiornare CST Desk e importarlo di nuovo. Il file è conservato.`;
    case 'E_RECIPIENT':
      return `Il pacchetto è indirizzato a ${p.recipient ? who(p.recipient).replace(/^il /, '') : 'un\'altra installazione'}, non a questa installazione: non è stato applicato. Verificare di aver scelto il file giusto.`;
    case 'E_UNKNOWN_SENDER':
      return `L'identità ${ofWho(p.sender)} non è ancora confermata qui: il pacchetto è conservato e sarà applicato automaticamente dopo la conferma. Importare il suo file di identità (.cstid) e confermarne l'impronta al telefono.`;
    case 'E_SIGNATURE':
      return `La firma del pacchetto non è valida: il file è stato alterato oppure non proviene ${fromWho(p.sender)}. Non è stato applicato: chiedere al mittente di esportarlo di nuovo e segnalare il caso al consorzio.`;
    case 'E_DIGEST':
      return 'Il contenuto del pacchetto non corrisponde a quello firmato dal mittente (file alterato o danneggiato): non è stato applicato. Chiedere al mittente di esportarlo di nuovo.';
    case 'E_CHAIN':
      return 'La sequenza degli eventi nel pacchetto è incoerente (catena interrotta): non è stato applicato. Chiedere al mittente di verificare i propri dati («cst log verify») e di esportarlo di nuovo.';
    case 'E_FORK':
      return `Il pacchetto ${ofWho(p.sender)} contiene una versione diversa di eventi già ricevuti (dall'evento ${p.seq ?? '?'}): non è stato applicato nulla. Le due versioni sono conservate: contattare ${who(p.sender)} prima di procedere.`;
    case 'E_OWNERSHIP':
      return `Il pacchetto ${ofWho(p.sender)} modifica dati che non gli appartengono (riga ${p.line ?? '?'}, tipo «${p.kind ?? '?'}»): non è stato applicato. Segnalare il caso al consorzio.`;
    case 'E_RECORD':
      return `Il pacchetto contiene un dato non valido alla riga ${p.line ?? '?'}${p.field ? `, campo «${p.field}»` : ''}${p.what ? `: ${p.what}` : ''}. Non è stato applicato: chiedere al mittente di correggere il dato ed esportare di nuovo, oppure aggiornare CST Desk.`;
  }
}

export function appliedMessage(p: MessageParams): string {
  return `Pacchetto ${ofWho(p.sender)} applicato${range(p.range)}: ${countText(p.applied ?? 0, { one: 'evento nuovo', other: 'eventi nuovi' })}.`;
}

export function duplicateMessage(p: MessageParams): string {
  return `Pacchetto ${ofWho(p.sender)} già ricevuto${range(p.range)}: nulla da fare.`;
}

export function pendingMessage(p: MessageParams): string {
  const m = p.missing;
  return `Il pacchetto ${ofWho(p.sender)}${range(p.range)} è in attesa: mancano gli eventi ${m ? `${m.first}–${m.last}` : 'precedenti'}. Importare il pacchetto che li contiene; questo sarà applicato automaticamente.`;
}
