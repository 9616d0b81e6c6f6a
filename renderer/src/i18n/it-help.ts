/**
 * Italian strings of the help at hand (issue 13, item 14): the guide's first steps for each role,
 * the glossary, the deleted records and their restore, the notices of what arrived. Spread into
 * `it.ts`; `en-help.ts` mirrors the keys. Impersonal register, words a clerk uses.
 */
export const itHelp = {
  help: {
    title: 'Guida',
    intro: 'I primi passi con CST Desk e il significato delle parole che si incontrano nel programma.',
    headerLink: 'Guida',
    backToSetup: 'Torna alla configurazione',
    firstStepsTitle: 'Primi passi',
    firstStepsMunicipality: 'Primi passi in un Comune',
    firstStepsHub: 'Primi passi nell’ufficio del consorzio',
    setupStepsTitle: 'Prima di iniziare',
    setupSteps: {
      s1: 'Scegliere dove si trova questo computer: in un Comune oppure nell’ufficio del consorzio. La scelta si fa una sola volta.',
      s2: 'Il programma crea le chiavi della postazione e ne mostra l’impronta: 30 cifre da leggere al telefono all’altra parte.',
      s3: 'Poi si seguono i primi passi qui sotto, secondo il luogo scelto.',
    },
    municipalitySteps: {
      s1: 'In «Impostazioni», esportare il file di identità (.cstid) di questa postazione e inviarlo all’ufficio del consorzio, per e-mail o su chiavetta USB.',
      s2: 'In «Invii», scheda «Identità», importare il file di identità (.cstid) ricevuto dal consorzio.',
      s3: 'Telefonare all’ufficio del consorzio e leggere insieme l’impronta: solo se le 30 cifre coincidono, confermarla. Da quel momento i pacchetti del consorzio vengono letti.',
      s4: 'In «Invii», importare il primo pacchetto del consorzio: porta il catalogo dei servizi, i corsi e i gruppi tematici.',
      s5: 'In «Utilizzo servizi» e «Formazione», registrare l’uso dei servizi e i corsi seguiti dal personale (anche da un file CSV di Excel).',
      s6: 'In «Invii», preparare il pacchetto per il consorzio e inviarlo; quando arriva la risposta del consorzio, importarla dalla stessa pagina.',
    },
    hubSteps: {
      s1: 'In «Impostazioni», esportare il file di identità (.cstid) del consorzio e inviarlo ai comuni aderenti.',
      s2: 'In «Membri», controllare l’elenco dei comuni aderenti; nella scheda «Identità», importare il file .cstid ricevuto da ogni Comune.',
      s3: 'Telefonare a ogni Comune e leggere insieme l’impronta: confermarla solo se le 30 cifre coincidono.',
      s4: 'In «Catalogo e invii», controllare servizi, corsi e gruppi, poi preparare i pacchetti per i membri.',
      s5: 'In «Importazioni», importare i pacchetti ricevuti dai comuni, anche molti insieme.',
      s6: 'In «Proposte», valutare le proposte ricevute; in «Piano tecnico», preparare il piano dell’anno con le quote di ciascun membro.',
    },
    mistakesTitle: 'Se si sbaglia',
    mistakesText:
      'Ogni dato si corregge con «Modifica»: la correzione diventa una nuova versione, visibile nella «Cronologia», e parte con il prossimo pacchetto. Un dato eliminato per errore si ritrova in «Dati eliminati» e si ripristina com’era.',
    deletedLink: 'Apri «Dati eliminati»',
    glossaryTitle: 'Glossario',
    glossaryIntro: 'Le parole del programma, in breve.',
    whatIs: 'Glossario: {{term}}',
  },
  glossary: {
    impronta: {
      term: 'Impronta',
      text: '30 cifre che identificano una postazione. Si leggono al telefono con l’altra parte prima di fidarsi dei suoi pacchetti: se le cifre coincidono, il file di identità ricevuto è proprio il suo e non di qualcun altro.',
    },
    identita: {
      term: 'File di identità (.cstid)',
      text: 'Il file con le chiavi pubbliche di una postazione. Contiene solo dati pubblici: si invia all’altra parte per e-mail o su chiavetta USB, e l’altra parte lo importa e ne conferma l’impronta.',
    },
    chiave: {
      term: 'Chiave',
      text: 'Ogni postazione ha le sue chiavi. Quelle segrete restano nella cartella dei dati del computer e servono a firmare e ad aprire i pacchetti; quelle pubbliche sono nel file di identità e servono all’altra parte per controllare le firme e per cifrare i pacchetti destinati a questa postazione.',
    },
    firma: {
      term: 'Firma',
      text: 'Il sigillo che una postazione mette su ogni pacchetto con la propria chiave segreta. Chi riceve il pacchetto controlla che venga davvero da quella postazione e che nessuno l’abbia modificato per strada.',
    },
    cifratura: {
      term: 'Cifratura',
      text: 'Il pacchetto viene chiuso in modo che solo il destinatario lo possa aprire: chi lo trova su una chiavetta smarrita o in una casella di posta non può leggere i dati.',
    },
    pacchetto: {
      term: 'Pacchetto',
      text: 'Il file (.cstb) che porta i dati da una postazione all’altra: firmato, cifrato, con tutto ciò che l’altra parte non ha ancora ricevuto. Viaggia per e-mail, su chiavetta USB o in rete; importarlo due volte non fa danni.',
    },
    hub: {
      term: 'Hub',
      text: 'La postazione dell’ufficio del consorzio: raccoglie i pacchetti dei comuni, valuta le proposte, prepara il piano tecnico e risponde a ogni Comune con un pacchetto suo.',
    },
    membro: {
      term: 'Membro',
      text: 'Un Comune aderente al consorzio. Ogni membro ha una sola postazione CST Desk, riconosciuta dall’ufficio grazie all’impronta.',
    },
    proposta: {
      term: 'Proposta',
      text: 'Un’idea di un Comune per un nuovo servizio o progetto comune, inviata al Comitato tecnico del consorzio che la valuta. Finché è una bozza si può eliminare; dopo l’invio si può solo ritirare.',
    },
    piano: {
      term: 'Piano tecnico',
      text: 'I servizi e le iniziative del consorzio per un anno, con i loro costi, approvati dagli organi del consorzio.',
    },
    quota: {
      term: 'Quota',
      text: 'La parte dei costi del piano a carico di ciascun membro, calcolata con la chiave di ripartizione: una parte uguale per tutti, una in base alla popolazione e una in base all’uso dei servizi.',
    },
    cronologia: {
      term: 'Versione e cronologia',
      text: 'Ogni correzione di un dato ne crea una nuova versione; la cronologia mostra chi ha cambiato che cosa e quando. Nulla si perde: anche un dato eliminato si può ripristinare.',
    },
  },
  deleted: {
    title: 'Dati eliminati',
    intro:
      'I dati eliminati da questa postazione e non ancora ripristinati, dal più recente. «Ripristina» rimette il dato com’era prima dell’eliminazione: il ripristino diventa una nuova versione, visibile nella cronologia, e parte verso il consorzio con il prossimo pacchetto.',
    kindLabel: 'Tipo di dato',
    kindAll: 'Tutti',
    kinds: {
      usage: 'Utilizzo di un servizio',
      staff: 'Persona del personale',
      course: 'Corso',
      participation: 'Partecipazione a un corso',
      local_group: 'Gruppo tematico',
      group_membership: 'Partecipazione a un gruppo',
      group_meeting: 'Riunione di gruppo',
      proposal: 'Bozza di proposta',
    },
    caption: 'Dati eliminati',
    colKind: 'Tipo',
    colWhat: 'Dato',
    colWhen: 'Eliminato il',
    empty: 'Nessun dato eliminato.',
    emptyKind: 'Nessun dato di questo tipo eliminato.',
    restore: 'Ripristina',
    restoring: 'Ripristino…',
    restored: 'Ripristinato: {{what}}. Partirà verso il consorzio con il prossimo pacchetto.',
    restoredNoName:
      'Ripristinato: {{what}}, senza il nome: il nome resta solo in questo Comune e non si conserva dopo l’eliminazione. Riscriverlo con «Modifica» in Formazione › Personale.',
    more: 'Mostra eliminazioni precedenti',
    link: 'Dati eliminati: vedere e ripristinare',
    unknown: 'non più presente',
    describe: {
      usage: '{{service}}, {{date}}: {{quantity}} {{unit}}',
      participation: '{{person}} al corso «{{course}}»',
      membership: '{{person}} nel gruppo «{{group}}»',
      meeting: '{{group}}, {{date}}: {{topic}}',
      course: '{{title}} ({{date}})',
    },
  },
  notices: {
    title: 'Novità',
    bundlesHub_one: 'È stato importato {{count}} pacchetto di un Comune.',
    bundlesHub_other: 'Sono stati importati {{count, int}} pacchetti dei comuni.',
    bundlesMunicipality_one: 'È stato importato {{count}} pacchetto del consorzio.',
    bundlesMunicipality_other: 'Sono stati importati {{count, int}} pacchetti del consorzio.',
    proposals_one: 'È arrivata {{count}} proposta da valutare.',
    proposals_other: 'Sono arrivate {{count, int}} proposte da valutare.',
    openImports: 'Vedere le importazioni',
    openBundles: 'Vedere gli invii',
    openProposals: 'Vedere le proposte',
    seen: 'Segna come già viste',
    badge_one: '{{count}} novità',
    badge_other: '{{count, int}} novità',
  },
} as const;
