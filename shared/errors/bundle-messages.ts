import type { ErrorCode } from '../api/errors';
import type { ErrorEntry } from './entry';

const outcome = (code: ErrorCode, it: string, en: string): ErrorEntry => ({ code, it, en });

/**
 * What happened to a received bundle, one sentence per outcome (electron/core/format/bundle/
 * messages.ts fills them): the refusals by their code, and applied / already received / waiting.
 * The sender comes whole, with its article ({ofWho}: «del consorzio CST-PU», «del comune di
 * Urbino (PU)»); `{range}` is « (eventi 1–5)» or nothing. A sentence that is no refusal
 * (applied, duplicate, pending) carries E_FORMAT, the code sent when a caller that needs an
 * applied bundle (recovery) refuses it.
 */
export const bundleMessages = {
  'bundle.limit': outcome(
    'E_LIMIT',
    'Il pacchetto supera i limiti ammessi (dimensione del file, numero di eventi o di allegati): non è stato applicato. Chiedere al mittente di inviare i dati in più pacchetti.',
    'The bundle is beyond the limits allowed (size of the file, number of events or of attachments): it was not applied. Ask the sender to send the data in several bundles.',
  ),
  'bundle.fileTooLarge': outcome(
    'E_LIMIT',
    'Il file {name} è più grande di {maxMb} MB, il massimo per un pacchetto: non è stato né conservato né letto. Verificare di aver scelto il file giusto; se lo è, chiedere al mittente di inviare i dati in più pacchetti.',
    'The file {name} is larger than {maxMb} MB, the most a bundle may be: it was neither kept nor read. Check that the right file was chosen; if it was, ask the sender to send the data in several bundles.',
  ),
  'bundle.format': outcome(
    'E_FORMAT',
    'Il file non è un pacchetto CST valido oppure è danneggiato (per esempio copiato solo in parte): non è stato applicato. Chiedere al mittente di esportarlo di nuovo.',
    'The file is not a valid CST bundle or it is damaged (for example copied only in part): it was not applied. Ask the sender to export it again.',
  ),
  'bundle.decrypt': outcome(
    'E_DECRYPT',
    "Il pacchetto è cifrato per un'altra installazione e non può essere aperto qui: verificare di aver scelto il file giusto, destinato a questa installazione.",
    'The bundle is encrypted for another installation and cannot be opened here: check that the right file was chosen, the one meant for this installation.',
  ),
  'bundle.version': outcome(
    'E_VERSION',
    'Il pacchetto è stato creato da una versione di CST Desk che questa non sa leggere (versione del mittente: {version}): aggiornare CST Desk e importarlo di nuovo. Il file è conservato.',
    'The bundle was created by a version of CST Desk that this one cannot read (the sender’s version: {versionEn}): update CST Desk and import it again. The file is kept.',
  ),
  'bundle.recipient': outcome(
    'E_RECIPIENT',
    'Il pacchetto è indirizzato a {recipient}, non a questa installazione: non è stato applicato. Verificare di aver scelto il file giusto.',
    'The bundle is addressed to {recipientEn}, not to this installation: it was not applied. Check that the right file was chosen.',
  ),
  'bundle.unknownSender': outcome(
    'E_UNKNOWN_SENDER',
    "L'identità {ofWho} non è ancora confermata qui: il pacchetto è conservato e sarà applicato automaticamente dopo la conferma. Importare il suo file di identità (.cstid) e confermarne l'impronta al telefono.",
    'The identity of {ofWhoEn} is not confirmed here yet: the bundle is kept and will be applied by itself after the confirmation. Import its identity file (.cstid) and confirm its fingerprint over the phone.',
  ),
  'bundle.signature': outcome(
    'E_SIGNATURE',
    'La firma del pacchetto non è valida: il file è stato alterato oppure non proviene {fromWho}. Non è stato applicato: chiedere al mittente di esportarlo di nuovo; se accade ancora, avvisarlo per telefono perché la sua postazione va verificata.',
    'The bundle’s signature is not valid: the file was altered or does not come from {fromWhoEn}. It was not applied: ask the sender to export it again; if it happens again, call the sender: their workstation needs checking.',
  ),
  'bundle.digest': outcome(
    'E_DIGEST',
    'Il contenuto del pacchetto non corrisponde a quello firmato dal mittente (file alterato o danneggiato): non è stato applicato. Chiedere al mittente di esportarlo di nuovo.',
    'The bundle’s content does not match what the sender signed (the file was altered or damaged): it was not applied. Ask the sender to export it again.',
  ),
  'bundle.chain': outcome(
    'E_CHAIN',
    'La sequenza degli eventi nel pacchetto è incoerente (catena interrotta): non è stato applicato. Chiedere al mittente di verificare i propri dati («cst log verify») e di esportarlo di nuovo.',
    'The sequence of events in the bundle does not hold together (the chain is broken): it was not applied. Ask the sender to check their data («cst log verify») and to export it again.',
  ),
  'bundle.fork': outcome(
    'E_FORK',
    "Il pacchetto {ofWho} contiene una versione diversa di eventi già ricevuti (dall'evento {seq}): non è stato applicato nulla. Le due versioni sono conservate: contattare {who} prima di procedere.",
    'The bundle from {ofWhoEn} holds a different version of events already received (from event {seq}): nothing was applied. Both versions are kept: contact {whoEn} before going on.',
  ),
  'bundle.ownership': outcome(
    'E_OWNERSHIP',
    'Il pacchetto {ofWho} modifica dati che non gli appartengono (riga {line}, tipo «{kind}»): non è stato applicato. Avvisare il mittente per telefono: la sua postazione va verificata.',
    'The bundle from {ofWhoEn} changes data that do not belong to its sender (line {line}, kind «{kind}»): it was not applied. Call the sender: their workstation needs checking.',
  ),
  'bundle.record': outcome(
    'E_RECORD',
    'Il pacchetto contiene un dato non valido alla riga {line}{field}{what}. Non è stato applicato: chiedere al mittente di correggere il dato ed esportare di nuovo, oppure aggiornare CST Desk.',
    'The bundle holds an invalid value on line {line}{fieldEn}{whatEn}. It was not applied: ask the sender to correct the value and export again, or update CST Desk.',
  ),
  'bundle.applied': outcome('E_FORMAT', 'Pacchetto {ofWho} applicato{range}: {events}.', 'Bundle from {ofWhoEn} applied{rangeEn}: {eventsEn}.'),
  'bundle.duplicate': outcome('E_FORMAT', 'Pacchetto {ofWho} già ricevuto{range}: nulla da fare.', 'Bundle from {ofWhoEn} already received{rangeEn}: nothing to do.'),
  'bundle.pending': outcome(
    'E_FORMAT',
    'Il pacchetto {ofWho} è in attesa{range}: mancano gli eventi {missing}. Importare il pacchetto che li contiene; questo sarà applicato automaticamente.',
    'The bundle from {ofWhoEn} is waiting{rangeEn}: the events {missingEn} are missing. Import the bundle that holds them; this one will then be applied by itself.',
  ),
  'bundle.forkNotAccepted': outcome(
    'E_FORK',
    'La versione di {name} non è stata accettata e nulla è cambiato: {why}',
    'The version of {name} was not accepted and nothing changed: {whyEn}',
  ),
  'bundle.verifierStopped': outcome(
    'E_INTERNAL',
    'La verifica dei pacchetti si è interrotta (il processo che li controlla si è chiuso): nessun dato è stato importato e nulla è andato perso. Riprovare l’importazione; se succede ancora, riavviare CST Desk.',
    'Checking the bundles stopped (the process that checks them closed): no data was imported and nothing was lost. Try the import again; if it happens again, restart CST Desk.',
  ),
  'bundle.forkNotApplicable': outcome('E_FORK', 'il pacchetto non si applica ({outcome}).', 'the bundle cannot be applied ({outcome}).'),
  'bundleImport.notApplied': outcome('E_FORMAT', '{bad} file su {total} non applicati.', '{bad} of {total} files not applied.'),
} as const satisfies Record<string, ErrorEntry>;
