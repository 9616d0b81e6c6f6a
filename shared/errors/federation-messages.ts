import type { ErrorEntry } from './entry';

const refusal = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en });
const field = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en, aboutField: true });
const notFound = (it: string, en: string): ErrorEntry => ({ code: 'E_NOT_FOUND', it, en });
const io = (it: string, en: string): ErrorEntry => ({ code: 'E_IO', it, en });

/** Federation of hubs (docs/federation.md): what the provincial and the regional office read. */
export const federationMessages = {
  'federation.hubOnly': refusal(
    'Solo l’ufficio di un consorzio può collegarsi a un ufficio regionale o a un ufficio provinciale.',
    'Only a consortium’s office can link to a regional or a provincial office.',
  ),
  'federation.notAHub': refusal(
    'Il file è l’identità di un comune ({name}, {id}), non di un ufficio di consorzio: indicare il file .cstid esportato dall’altro ufficio.',
    'The file is a municipality’s identity ({name}, {id}), not a consortium office’s: give the .cstid file exported by the other office.',
  ),
  'federation.ourselves': refusal(
    'Il file è l’identità di questa stessa installazione ({id}): indicare il file dell’altro ufficio.',
    'The file is this installation’s own identity ({id}): give the other office’s file.',
  ),
  'federation.keysChanged': refusal(
    '{name} ({id}) è già confermato con chiavi diverse (impronta {fingerprint}): il file non è stato importato. Contattare l’ufficio per capire se ha reinstallato CST Desk.',
    '{name} ({id}) is already confirmed with different keys (fingerprint {fingerprint}): the file was not imported. Contact the office to find out whether CST Desk was reinstalled.',
  ),
  'federation.otherRegional': refusal(
    'Questo consorzio riferisce già all’ufficio regionale {name} ({id}): rimuoverlo prima (cst federation regional-remove) per collegarne un altro.',
    'This consortium already reports to the regional office {name} ({id}): remove it first (cst federation regional-remove) to link another.',
  ),
  'federation.noRegional': notFound(
    'Nessun ufficio regionale importato: importare prima il suo file .cstid (cst federation regional-import FILE.cstid).',
    'No regional office imported: import its .cstid file first (cst federation regional-import FILE.cstid).',
  ),
  'federation.regionalNotConfirmed': refusal(
    'L’identità dell’ufficio regionale {name} ({id}) non è ancora confermata: confermare prima l’impronta letta al telefono.',
    'The identity of the regional office {name} ({id}) is not confirmed yet: confirm first the fingerprint read over the phone.',
  ),
  'federation.fingerprintMismatch': field(
    'L’impronta digitata non corrisponde a quella del file di {name} ({id}). Rileggerla al telefono con l’altro ufficio: se non coincide, il file non è il suo e non va confermato.',
    'The fingerprint typed does not match that of the file of {name} ({id}). Read it again over the phone with the other office: if it does not match, the file is not theirs and must not be confirmed.',
  ),
  'federation.provinceUnknown': notFound(
    'Nessun ufficio provinciale {id} importato qui: importare prima il suo file .cstid (cst federation province-import FILE.cstid) e confermarne l’impronta.',
    'No provincial office {id} imported here: import its .cstid file first (cst federation province-import FILE.cstid) and confirm its fingerprint.',
  ),
  'federation.municipalityUnknown': notFound(
    'Nessuna provincia confermata garantisce il comune con codice ISTAT {istat}: controllare il codice o importare l’inoltro della sua provincia.',
    'No confirmed province vouches for the municipality with ISTAT code {istat}: check the code or import its province’s forwarded folder.',
  ),
  'federation.provinceNotConfirmed': refusal(
    'L’identità dell’ufficio provinciale {name} ({id}) non è ancora confermata: confermarne l’impronta, poi importare di nuovo la cartella. Nulla è stato applicato.',
    'The identity of the provincial office {name} ({id}) is not confirmed yet: confirm its fingerprint, then import the folder again. Nothing was applied.',
  ),
  'federation.rosterMissing': refusal(
    'Nella cartella {dir} manca l’elenco firmato dei soci (roster.json e roster.json.minisig): non è una cartella scritta da cst federation forward. Nulla è stato applicato.',
    'The folder {dir} lacks the signed list of members (roster.json and roster.json.minisig): it is not a folder written by cst federation forward. Nothing was applied.',
  ),
  'federation.rosterInvalid': refusal(
    'L’elenco dei soci nella cartella {dir}, attribuito all’ufficio provinciale {id}, non è valido ({reason}): non è firmato da quell’ufficio o è stato modificato. Nulla è stato applicato.',
    'The list of members in the folder {dir}, attributed to the provincial office {id}, is not valid ({reason}): it is not signed by that office or it was altered. Nothing was applied.',
  ),
  'federation.rosterOtherRegion': refusal(
    'L’elenco dei soci dell’ufficio provinciale {id} è destinato all’ufficio regionale {region}, non a questo: nulla è stato applicato.',
    'The list of members of the provincial office {id} is meant for the regional office {region}, not this one: nothing was applied.',
  ),
  'federation.unreadable': io(
    'Non è possibile leggere la cartella {dir} ({reason}): controllare che esista e che la chiavetta sia inserita, poi riprovare.',
    'Cannot read the folder {dir} ({reason}): check that it exists and that the stick is plugged in, then try again.',
  ),
  'federation.cannotWrite': io(
    'Non è possibile scrivere nella cartella {dir} ({reason}): scegliere un’altra cartella o liberare spazio, poi riprovare.',
    'Cannot write in the folder {dir} ({reason}): choose another folder or free some space, then try again.',
  ),
  'federation.noProvinces': refusal(
    'Nessun ufficio provinciale confermato: il resoconto regionale non avrebbe dati. Confermare prima gli uffici provinciali (cst federation province-confirm).',
    'No confirmed provincial office: the regional report would hold no data. Confirm the provincial offices first (cst federation province-confirm).',
  ),
  'federation.mailboxRosterInvalid': refusal(
    'L’elenco dei soci arrivato dalla casella postale dell’ufficio provinciale {name} ({id}) non è valido ({reason}): non è firmato da quell’ufficio o è stato modificato. È stato scartato; i pacchetti dei soci che non garantisce restano in attesa.',
    'The list of members that came from the mailbox of the provincial office {name} ({id}) is not valid ({reason}): it is not signed by that office or it was altered. It was discarded; the bundles of members it does not vouch for wait.',
  ),
  'federation.provinceMailboxOffline': io(
    'La casella postale dell’ufficio provinciale {name} ({id}) non risponde: nuovo tentativo al prossimo giro di sincronizzazione.',
    'The mailbox of the provincial office {name} ({id}) does not answer: next try at the next sync round.',
  ),
  'federation.provinceMailboxServer': io(
    'La casella postale dell’ufficio provinciale {name} ({id}) ha un problema e non consegna i dati: nuovo tentativo al prossimo giro di sincronizzazione.',
    'The mailbox of the provincial office {name} ({id}) has a problem and does not deliver the data: next try at the next sync round.',
  ),
  'federation.provinceMailboxRefused': refusal(
    'La casella postale dell’ufficio provinciale {name} ({id}) non riconosce ancora questo ufficio regionale: l’ufficio provinciale deve confermarne l’impronta (cst federation regional-confirm) e sincronizzare.',
    'The mailbox of the provincial office {name} ({id}) does not recognise this regional office yet: the provincial office must confirm its fingerprint (cst federation regional-confirm) and sync.',
  ),
} as const satisfies Record<string, ErrorEntry>;
