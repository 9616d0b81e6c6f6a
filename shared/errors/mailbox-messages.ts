import type { ErrorEntry } from './entry';

/** `cst mailbox init` and `cst mailbox serve`: what the consortium's system administrator reads. */
export const mailboxMessages = {
  'mailbox.notInitialized': {
    code: 'E_NOT_INITIALIZED',
    it: 'La cartella {dir} non è la cartella di un server del consorzio: prepararla prima con cst mailbox init --data-dir {dir} --hub CONSORZIO.cstid --fingerprint "…".',
    en: 'The folder {dir} is not a consortium server’s folder: prepare it first with cst mailbox init --data-dir {dir} --hub HUB.cstid --fingerprint "…".',
  },
  'mailbox.notHubIdentity': {
    code: 'E_VALIDATION',
    it: 'Il file {file} è l’identità di un comune ({id}), non del consorzio: indicare il file .cstid esportato dal programma del consorzio.',
    en: 'The file {file} is a municipality’s identity ({id}), not the consortium’s: give the .cstid file exported by the consortium’s program.',
  },
  'mailbox.fingerprintMismatch': {
    code: 'E_VALIDATION',
    it: 'L’impronta digitata non corrisponde a quella del file {file}: rileggerla al telefono con il consorzio (gli spazi e i trattini non contano).',
    en: 'The fingerprint typed does not match the one of the file {file}: read it again over the phone with the consortium (spaces and dashes do not matter).',
  },
  'mailbox.otherHub': {
    code: 'E_ALREADY_INITIALIZED',
    it: 'La cartella {dir} serve già il consorzio {id}: per un altro consorzio usare un’altra cartella.',
    en: 'The folder {dir} already serves the consortium {id}: use another folder for another consortium.',
  },
  'mailbox.badListen': {
    code: 'E_VALIDATION',
    it: 'Indirizzo di ascolto «{listen}» non valido: scriverlo come INDIRIZZO:PORTA, per esempio 127.0.0.1:8470.',
    en: 'Listening address «{listen}» is not valid: write it as ADDRESS:PORT, for example 127.0.0.1:8470.',
  },
  'mailbox.badPublicUrl': {
    code: 'E_VALIDATION',
    it: 'L’indirizzo pubblico «{url}» non è valido: scriverlo come https://nome-del-server, senza percorso.',
    en: 'The public address «{url}» is not valid: write it as https://server-name, without a path.',
  },
  'mailbox.tlsPair': {
    code: 'E_VALIDATION',
    it: 'Per HTTPS indicare sia --tls-cert sia --tls-key.',
    en: 'For HTTPS give both --tls-cert and --tls-key.',
  },
  'mailbox.unreadable': {
    code: 'E_IO',
    it: 'Impossibile leggere il file {file} ({reason}).',
    en: 'Cannot read the file {file} ({reason}).',
  },
  'mailbox.inUse': {
    code: 'E_DB_LOCKED',
    it: 'La cartella {dir} è già usata da un altro server del consorzio in funzione: fermarlo prima.',
    en: 'The folder {dir} is already used by another running consortium server: stop it first.',
  },
  'mailbox.portInUse': {
    code: 'E_IO',
    it: 'Non è possibile mettersi in ascolto su {listen} ({reason}): la porta è forse usata da un altro programma.',
    en: 'Cannot listen on {listen} ({reason}): the port may be used by another program.',
  },
} as const satisfies Record<string, ErrorEntry>;
