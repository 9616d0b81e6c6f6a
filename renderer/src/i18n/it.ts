import { itRecords } from './it-records';
import { itTraining } from './it-training';
import { itProposals } from './it-proposals';
import { itBundles } from './it-bundles';
import { itHub } from './it-hub';
import { itFederation } from './it-federation';
import { itGov } from './it-gov';
import { itReports } from './it-reports';
import { itCsv } from './it-csv';
import { itRecovery } from './it-recovery';
import { itBackup } from './it-backup';
import { itJoins } from './it-joins';
import { itCommittee } from './it-committee';
import { itMeetings } from './it-meetings';
import { itHelp } from './it-help';
import { itFields } from './it-fields';
import { itSync } from './it-sync';
import { itEnrolment } from './it-enrolment';

/**
 * The Italian catalogue: the reference one. `en.ts` must have exactly the same keys
 * (its type is derived from this object, and test/ui/i18n-catalogues.test.ts checks it too).
 * Sentences are for a town-hall clerk: plain words, what to do next.
 */
export const it = {
  ...itRecords,
  ...itTraining,
  ...itProposals,
  ...itBundles,
  ...itHub,
  ...itFederation,
  ...itGov,
  ...itReports,
  ...itCsv,
  ...itRecovery,
  ...itBackup,
  ...itJoins,
  ...itCommittee,
  ...itMeetings,
  ...itHelp,
  ...itFields,
  ...itSync,
  ...itEnrolment,
  app: {
    name: 'CST Desk',
    tagline: 'Servizi condivisi, formazione e piano tecnico del consorzio',
    skipToContent: 'Vai al contenuto principale',
    loading: 'Caricamento in corso…',
    loadFailedTitle: 'Il programma non riesce a leggere i propri dati',
    retry: 'Riprova',
    noAccessTitle: 'Collegamento non valido',
    noAccessText:
      'Questa pagina è stata aperta senza la chiave di accesso (un indirizzo copiato, o un collegamento di avvio già usato). Chiudere la scheda e riaprire CST Desk: ogni collegamento di avvio apre il programma una volta sola.',
    pageTitle: '{{page}} — CST Desk',
  },
  chart: {
    inProgress: '* {{period}} è in corso: il dato è parziale.',
    inProgressShort: 'in corso, dato parziale',
  },
  language: {
    label: 'Lingua',
    choose: 'Lingua del programma',
    it: 'Italiano',
    en: 'English',
    saveFailed: 'La lingua è cambiata solo per ora: non è stato possibile salvarla.',
  },
  role: {
    municipality: 'Comune',
    hub: 'Consorzio (hub)',
    stationMunicipality: 'Postazione del Comune',
    stationHub: 'Postazione del consorzio (hub)',
  },
  installation: {
    municipalityName: 'Comune di {{name}}',
    hubName: '{{id}} — {{name}}',
  },
  nav: {
    label: 'Menu principale',
    home: 'Home',
    usage: 'Utilizzo servizi',
    training: 'Formazione',
    groups: 'Gruppi tematici',
    committee: 'Comitato tecnico',
    proposals: 'Proposte',
    bundles: 'Invii',
    members: 'Membri',
    imports: 'Importazioni',
    catalogue: 'Catalogo e invii',
    plan: 'Piano tecnico',
    dashboards: 'Cruscotto',
    region: 'Regione',
    share: 'Piano e quote',
    settings: 'Impostazioni',
    help: 'Guida',
  },
  placeholder: {
    comingSoon: 'Questa sezione arriverà con un prossimo aggiornamento.',
    backHome: 'Torna alla Home',
  },
  sections: {
    usage: 'Registrare l’uso dei servizi del consorzio da parte del Comune; riepilogo mensile, andamento, CSV.',
    training: 'L’elenco del personale, i corsi seguiti, le partecipazioni e le loro valutazioni.',
    groups: 'Chi del personale partecipa ai gruppi tematici del consorzio e alle loro riunioni.',
    proposals: 'Preparare, inviare e seguire le proposte per il Comitato tecnico.',
    committee: 'Il tecnico che il Comune designa nel Comitato tecnico del consorzio, con il sostituto, e chi rappresenta gli altri comuni.',
    bundles: 'Preparare il file da inviare al consorzio e leggere quello che il consorzio manda.',
    members: 'L’elenco dei comuni aderenti e lo stato della verifica della loro identità.',
    imports: 'Importare i file ricevuti dai comuni aderenti e vedere quelli in attesa.',
    catalogue: 'Il catalogo dei servizi e l’invio dei dati del consorzio ai membri.',
    plan: 'Il piano tecnico annuale: voci e costi, approvazioni, ripartizione tra i membri e risparmi.',
    dashboards: 'Grafici dell’uso dei servizi, della formazione, delle proposte e dei costi del piano.',
    region: 'I dati dei comuni inoltrati dagli uffici provinciali: province, comuni, utilizzo dei servizi e chi garantisce ogni comune.',
    share: 'Il piano approvato, la quota del Comune voce per voce, i risparmi e lo stato delle proposte.',
    settings: 'L’identità di questa postazione da comunicare al consorzio, la sincronizzazione di rete, la lingua e le informazioni sul programma.',
    help: 'I primi passi, il significato delle parole del programma e come ripristinare un dato eliminato.',
  },
  /** The lines of the hub's Home where its work differs from a municipality's. */
  sectionsHub: {
    committee: 'Chi rappresenta ciascun comune nel Comitato tecnico, dalle designazioni ricevute; i comuni senza tecnico; il Direttore tecnico come coordinatore.',
    proposals: 'Le proposte ricevute dai comuni aderenti: valutazione del Comitato tecnico, graduatoria e stato di ciascuna.',
  },
  setup: {
    title: 'Configurazione iniziale',
    intro:
      'Benvenuto in CST Desk. Prima di iniziare bisogna indicare dove si trova questo computer. La scelta si fa una sola volta e non si potrà cambiare.',
    chooseRole: 'Dove si trova questo computer?',
    roleMunicipalityTitle: 'In un Comune',
    roleMunicipalityText:
      'Per gli uffici comunali: si registrano l’uso dei servizi del consorzio e la formazione del personale.',
    roleHubTitle: 'Nell’ufficio del consorzio (hub)',
    roleHubText:
      'Per l’ufficio del Centro Servizi Territoriale: si raccolgono i dati dei comuni aderenti e si prepara il piano tecnico.',
    back: 'Indietro',
    stepMunicipality: 'Dati del Comune',
    stepHub: 'Dati del consorzio',
    requiredNote: 'I campi contrassegnati con * sono obbligatori.',
    municipality: {
      label: 'Comune',
      hint: 'Scrivere almeno 2 lettere del nome, poi scegliere il Comune dall’elenco (frecce su e giù, poi Invio, oppure un clic).',
      province: 'Provincia',
      population: 'Popolazione',
      populationValue: '{{population}} abitanti ({{year}})',
      populationUnknown: 'non disponibile',
      chosen: 'Comune scelto',
      operatorLabel: 'Nome e cognome di chi usa il programma',
      operatorHint: 'Per esempio: Maria Rossi.',
      submit: 'Crea la postazione del Comune',
    },
    hub: {
      idLabel: 'Codice del consorzio',
      idHint: 'Solo lettere maiuscole, cifre e trattini, per esempio CST-PU. Non si potrà cambiare.',
      nameLabel: 'Nome del consorzio',
      nameHint: 'Per esempio: CST Pesaro-Urbino.',
      provinceLabel: 'Provincia (facoltativo)',
      provinceHint: 'Se si sceglie una provincia, tutti i suoi comuni vengono aggiunti all’elenco dei membri.',
      provinceNone: 'Nessuna provincia',
      provinceOption_one: '{{code}} — {{name}} ({{formatted}} comune)',
      provinceOption_other: '{{code}} — {{name}} ({{formatted}} comuni)',
      operatorLabel: 'Nome e cognome di chi usa il programma (facoltativo)',
      operatorHint: 'Per esempio: Luca Bianchi.',
      submit: 'Crea la postazione del consorzio',
    },
    saving: 'Salvataggio in corso…',
    done: {
      title: 'Postazione pronta',
      fingerprintTitle: 'Impronta di questa postazione',
      municipalityText:
        'Queste 30 cifre sono l’impronta di questa postazione. Quando il Comune aderisce al consorzio, si leggono al telefono all’ufficio del consorzio: servono a verificare che i dati inviati arrivino davvero da questo computer.',
      hubText:
        'Queste 30 cifre sono l’impronta di questa postazione del consorzio. Quando un Comune aderisce, si leggono al telefono al Comune: servono a verificare che i dati del consorzio arrivino davvero da questo computer.',
      whereLater: 'Le cifre si ritrovano in qualsiasi momento nella pagina Impostazioni.',
      continue: 'Vai alla Home',
    },
  },
  combobox: {
    results_one: '1 comune trovato: usare le frecce su e giù per sceglierlo.',
    results_other: '{{count}} comuni trovati: usare le frecce su e giù per sceglierne uno.',
    noResults: 'Nessun comune trovato con queste lettere.',
    searching: 'Ricerca in corso…',
    selected: 'Scelto: {{name}}',
    optionLabel: '{{name}} ({{province}}), {{population}}',
  },
  istat: {
    credit: 'Fonte: ISTAT',
  },
  fingerprint: {
    label: 'Impronta',
    spokenDigits: 'Cifre da leggere: {{digits}}',
  },
  home: {
    title: 'Home',
    welcome: 'Benvenuti in CST Desk',
    municipalityIntro:
      'Da questa postazione il Comune registra l’uso dei servizi del consorzio e la formazione del personale, e invia i dati all’ufficio del consorzio.',
    hubIntro:
      'Da questa postazione l’ufficio del consorzio raccoglie i dati dei comuni aderenti, valuta le proposte e prepara il piano tecnico.',
    operator: 'Operatore: {{name}}',
    nextTitle: 'Cosa si può fare',
    membersTitle: 'Comuni aderenti',
    membersCount_one: '1 comune aderente',
    membersCount_other: '{{formatted}} comuni aderenti',
    membersConfirmed: 'Identità confermata: {{formatted}}',
    membersToConfirm: 'Impronta da confermare: {{formatted}}',
    membersNoIdentity: 'Identità non ancora ricevuta: {{formatted}}',
    membersLink: 'Vedere l’elenco dei membri',
    identityTitle: 'Identità della postazione',
    identityText: 'L’impronta da leggere al telefono e il file di identità da inviare si trovano in Impostazioni.',
    identityLink: 'Apri Impostazioni',
  },
  members: {
    title: 'Membri del consorzio',
    intro:
      'I comuni che aderiscono al consorzio. Un Comune resta «in attesa» finché l’ufficio non ha verificato al telefono l’impronta della sua postazione.',
    caption: 'Elenco dei comuni aderenti',
    empty: 'Non ci sono ancora membri.',
    colName: 'Comune',
    colProvince: 'Provincia',
    colPopulation: 'Popolazione',
    colStatus: 'Stato',
    populationYear: '({{year}})',
    statusPending: 'In attesa di conferma',
    statusConfirmed: 'Confermato',
    populationNote: 'Popolazione: Fonte: ISTAT (tra parentesi l’anno del dato).',
  },
  settings: {
    title: 'Impostazioni',
    identityTitle: 'Identità di questa postazione',
    identityIntro:
      'Questi dati identificano la postazione presso il consorzio. L’impronta si legge al telefono; il file di identità si invia per e-mail o su chiavetta USB.',
    id: 'Codice',
    name: 'Nome',
    role: 'Ruolo',
    keyId: 'Identificativo della chiave',
    signingKey: 'Chiave di firma',
    ageRecipient: 'Chiave di cifratura (age)',
    fingerprint: 'Impronta',
    createdAt: 'Creata il',
    export: 'Esporta file di identità (.cstid)',
    exportHint: 'Il file contiene solo dati pubblici: si può inviare al consorzio senza rischi.',
    identityIntroHub:
      'Questi dati identificano l’ufficio del consorzio presso i comuni aderenti. L’impronta si legge al telefono; il file di identità si invia ai comuni per e-mail o su chiavetta USB.',
    exportHintHub: 'Il file contiene solo dati pubblici: si può inviare ai comuni aderenti senza rischi.',
    exporting: 'Preparazione del file…',
    exported: 'File «{{fileName}}» salvato. Se il browser lo chiede, sceglierne la cartella; altrimenti si trova in Download.',
    exportedTo: 'File salvato in {{path}}.',
    languageTitle: 'Lingua',
    languageSaved: 'Lingua cambiata.',
    aboutTitle: 'Informazioni sul programma',
    dataDir: 'Cartella dei dati',
    version: 'Versione del programma',
  },
  toast: {
    close: 'Chiudi avviso',
  },
  format: {
    notAvailable: 'non disponibile',
  },
  /**
   * Counted nouns, nested into sentences with $t(counts.rows, {"count": {{rows}} }): the plural
   * comes from here ("1 riga", "4 righe"), never from a fixed form ("1 righe"). `{{count, int}}`
   * writes the number with shared/format's grouping ("1.234").
   */
  counts: {
    entries_one: '{{count, int}} registrazione',
    entries_other: '{{count, int}} registrazioni',
    rows_one: '{{count, int}} riga',
    rows_other: '{{count, int}} righe',
    rowsRead_one: '{{count, int}} riga letta',
    rowsRead_other: '{{count, int}} righe lette',
    courses_one: '{{count, int}} corso',
    courses_other: '{{count, int}} corsi',
    participations_one: '{{count, int}} partecipazione',
    participations_other: '{{count, int}} partecipazioni',
    completed_one: '{{count, int}} completata',
    completed_other: '{{count, int}} completate',
    practices_one: '{{count, int}} buona pratica',
    practices_other: '{{count, int}} buone pratiche',
    proposals_one: '{{count, int}} proposta',
    proposals_other: '{{count, int}} proposte',
    drafts_one: '{{count, int}} in bozza',
    drafts_other: '{{count, int}} in bozza',
    submitted_one: '{{count, int}} inviata',
    submitted_other: '{{count, int}} inviate',
    withdrawn_one: '{{count, int}} ritirata',
    withdrawn_other: '{{count, int}} ritirate',
    data_one: '{{count, int}} dato',
    data_other: '{{count, int}} dati',
    filesRead_one: '{{count, int}} letto',
    filesRead_other: '{{count, int}} letti',
    filesRefused_one: '{{count, int}} rifiutato',
    filesRefused_other: '{{count, int}} rifiutati',
    /** Hours are thousandths: the caller passes count = hours (1 → "1 ora", 1,5 → "1,5 ore") and the text. */
    hours_one: '{{hours}} ora',
    hours_other: '{{hours}} ore',
  },
  validation: {
    required: 'Questo campo è obbligatorio.',
    tooLong: 'Massimo {{maximum}} caratteri.',
    invalidChars: 'Contiene caratteri non ammessi.',
    invalid: 'Valore non valido: controllarlo.',
    istat: 'Scegliere il Comune dall’elenco che compare mentre si scrive il nome.',
    hubId: 'Il codice usa solo lettere maiuscole, cifre e trattini (massimo 32), per esempio CST-PU.',
    province: 'Scegliere una provincia dall’elenco, oppure «Nessuna provincia».',
  },
  apiErrors: {
    E_VALIDATION: 'Un dato non è stato accettato: controllarlo e riprovare.',
    E_NOT_INITIALIZED: 'La postazione non è ancora configurata.',
    E_ALREADY_INITIALIZED: 'Questa postazione è già configurata: ricaricare la pagina.',
    E_NOT_FOUND: 'Dato non trovato.',
    E_UNKNOWN_METHOD: 'Operazione non disponibile in questa versione del programma.',
    E_DATA_DIR: 'La cartella dei dati non è utilizzabile. Contattare il consorzio.',
    E_DB_CORRUPT: 'L’archivio dei dati risulta danneggiato. Non fare altre operazioni e contattare il consorzio.',
    E_DB_NEWER: 'I dati sono stati creati da una versione più recente di CST Desk: aggiornare il programma.',
    E_DB_LOCKED: 'I dati sono in uso da un’altra finestra o da un altro programma. Chiuderlo e riprovare.',
    E_IO: 'Il programma non risponde. Controllare che CST Desk sia ancora aperto e riprovare.',
    E_DISK_FULL: 'Il disco è pieno: l’operazione è stata annullata e i dati già registrati non sono stati toccati. Liberare spazio sul disco (svuotare il cestino, spostare altrove i file che non servono) e riprovare.',
    E_INTERNAL: 'Errore interno imprevisto: nessun dato è stato modificato. Riprovare; se si ripete, contattare il consorzio.',
    E_RECOVERY_NEEDED: 'Questa installazione è stata ripristinata da una copia di sicurezza più vecchia: {{hubName}} ha già registrazioni che qui mancano ($t(counts.entries, {"count": {{missing}} })). Prima di registrare nuovi dati importare il pacchetto di recupero (dalla pagina iniziale).',
    E_LIMIT: 'Il file è troppo grande o contiene troppi dati per essere letto. Chiedere a chi l’ha inviato di controllarlo.',
    E_FORMAT: 'Il file non è un file di CST Desk leggibile: forse è danneggiato o incompleto. Chiedere di inviarlo di nuovo.',
    E_DECRYPT: 'Il file non è destinato a questa postazione e non si può aprire.',
    E_VERSION: 'Il file è stato creato da una versione più recente di CST Desk: aggiornare il programma.',
    E_RECIPIENT: 'Il file è destinato a un’altra postazione.',
    E_UNKNOWN_SENDER: 'Il file viene da una postazione la cui impronta non è ancora stata confermata: è stato conservato e sarà letto dopo la conferma.',
    E_SIGNATURE: 'La firma del file non è valida: il file potrebbe essere stato alterato. Non usarlo e contattare chi l’ha inviato.',
    E_DIGEST: 'Il contenuto del file non corrisponde a quello firmato: potrebbe essere stato alterato. Chiedere di inviarlo di nuovo.',
    E_CHAIN: 'I dati del file non sono in sequenza con quelli già ricevuti. Contattare il consorzio.',
    E_FORK: 'Il file contiene dati in contrasto con quelli già ricevuti da quella postazione: nulla è stato applicato. Contattare il consorzio.',
    E_OWNERSHIP: 'Il file contiene dati che quella postazione non può modificare: nulla è stato applicato.',
    E_RECORD: 'Il file contiene un dato non valido: nulla è stato applicato. Contattare chi l’ha inviato.',
  },
} as const;

/** A catalogue with the same shape as the Italian one, every leaf a string. */
export type Catalogue = { [K in keyof typeof it]: CatalogueNode<(typeof it)[K]> };
type CatalogueNode<T> = T extends string ? string : { [K in keyof T]: CatalogueNode<T[K]> };
