import type { ErrorEntry } from './entry';

const refusal = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en });
const format = (it: string, en: string): ErrorEntry => ({ code: 'E_FORMAT', it, en });
const limit = (it: string, en: string): ErrorEntry => ({ code: 'E_LIMIT', it, en });
const notFound = (it: string, en: string): ErrorEntry => ({ code: 'E_NOT_FOUND', it, en });

/**
 * Enrolling many members at once (identity.importMany, identity.confirmMany): the reason given
 * for each file or row left out, and the refusals of a whole request.
 */
export const enrolmentMessages = {
  'identityBulk.hubOnly': refusal(
    'Solo il consorzio importa e conferma molte identità insieme: un comune importa il solo file del proprio consorzio.',
    'Only the consortium imports and confirms many identities at once: a municipality imports only its own consortium’s file.',
  ),
  // Files and entries of a ZIP.
  'identityBulk.archiveUnreadable': format(
    'Il file ZIP {file} non si può leggere (danneggiato, incompleto o non è uno ZIP): nessuna identità importata da questo file. Rifare lo ZIP e riprovare.',
    'The ZIP file {file} cannot be read (damaged, incomplete or not a ZIP): no identity imported from this file. Make the ZIP again and retry.',
  ),
  'identityBulk.archiveTooLarge': limit(
    'Il file ZIP {file} supera {maxMb} MB: dividerlo in più file ZIP.',
    'The ZIP file {file} is over {maxMb} MB: split it into several ZIP files.',
  ),
  'identityBulk.notIdentityFile': refusal(
    'Non è un file .cstid: lasciato da parte.',
    'Not a .cstid file: left aside.',
  ),
  'identityBulk.unreadable': notFound('Il file {file} non si può leggere ({reason}).', 'The file {file} cannot be read ({reason}).'),
  'identityBulk.sameMemberTwice': refusal(
    'Ci sono più file per {name} ({id}) con chiavi diverse: nessuno è stato importato. Chiedere al comune quale sia il file giusto e importare solo quello.',
    'There are several files for {name} ({id}) with different keys: none was imported. Ask the municipality which file is right and import only that one.',
  ),
  // The list of fingerprints (CSV).
  'identityBulk.listEmpty': refusal(
    'L’elenco non contiene righe con un codice ISTAT e un’impronta: nessuna identità confermata.',
    'The list holds no row with an ISTAT code and a fingerprint: no identity confirmed.',
  ),
  'identityBulk.listTooLarge': limit('L’elenco supera {maxMb} MB: non è un elenco di impronte.', 'The list is over {maxMb} MB: it is not a list of fingerprints.'),
  'identityBulk.rowMalformed': refusal(
    'la riga non ha le due colonne «codice ISTAT» e «impronta»: nessuna conferma.',
    'the row does not have the two columns «ISTAT code» and «fingerprint»: nothing confirmed.',
  ),
  'identityBulk.codeMalformed': refusal(
    '«{code}» non è un codice ISTAT (6 cifre): nessuna conferma.',
    '«{code}» is not an ISTAT code (6 digits): nothing confirmed.',
  ),
  'identityBulk.fingerprintMalformed': refusal(
    'l’impronta ha {digits} cifre invece di 30 (se Excel l’ha trasformata in un numero come 1,23E+29, scriverla con gli spazi fra i gruppi): nessuna conferma.',
    'the fingerprint has {digits} digits instead of 30 (if Excel turned it into a number such as 1.23E+29, write it with spaces between the groups): nothing confirmed.',
  ),
  'identityBulk.duplicateCode': refusal(
    'il codice {istat} compare più volte nell’elenco (righe {lines}): nessuna conferma per questo comune finché l’elenco non lo riporta una volta sola.',
    'the code {istat} appears more than once in the list (lines {lines}): nothing confirmed for this municipality until the list gives it once.',
  ),
  'identityBulk.unknownCode': refusal(
    'il codice {istat} non è di nessun comune italiano (elenco ISTAT): nessuna conferma.',
    'the code {istat} is not that of any Italian municipality (ISTAT list): nothing confirmed.',
  ),
  'identityBulk.notMember': refusal(
    '{name} ({istat}) non è tra i soci del consorzio: nessuna conferma.',
    '{name} ({istat}) is not a member of the consortium: nothing confirmed.',
  ),
  'identityBulk.notImported': refusal(
    'nessun file di identità importato per {name} ({istat}): importare prima il suo file .cstid.',
    'no identity file imported for {name} ({istat}): import its .cstid file first.',
  ),
  'identityBulk.mismatch': refusal(
    'l’impronta dell’elenco non coincide con quella del file importato per {name} ({istat}): non confermato. Verificare con il comune quale file abbia inviato.',
    'the fingerprint in the list does not match that of the file imported for {name} ({istat}): not confirmed. Check with the municipality which file it sent.',
  ),
} as const satisfies Record<string, ErrorEntry>;
