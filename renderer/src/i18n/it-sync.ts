/**
 * Italian strings of the network sync (Settings › Sincronizzazione di rete and the header's
 * indicator; docs/sync.md). The clerk reads "server del consorzio", never "mailbox".
 */
export const itSync = {
  netSync: {
    title: 'Sincronizzazione di rete',
    intro:
      'Quando c’è la rete, CST Desk invia al consorzio i dati registrati qui e riceve i suoi, da solo, attraverso il server del consorzio: non serve la chiavetta USB. L’indirizzo del server lo comunica il consorzio.',
    introHub:
      'Quando c’è la rete, CST Desk riceve da solo i pacchetti dei comuni aderenti e invia a ciascuno i suoi, attraverso il server del consorzio: non servono chiavette né e-mail.',
    // The indicator in the header (short: it sits beside the language switch on every page).
    indicatorLabel: 'Stato della sincronizzazione: {{state}}. Apre le impostazioni della sincronizzazione.',
    short: {
      syncedAt: 'Sincronizzato alle {{time}}',
      syncedOn: 'Sincronizzato il {{date}}',
      waiting: 'In attesa della prima sincronizzazione',
      syncing: 'Sincronizzazione in corso…',
      offlineRetry: 'Non in linea: nuovo tentativo alle {{time}}',
      offline: 'Non in linea',
      error: 'Sincronizzazione non riuscita: vedere i dettagli',
    },
    // The status card in Settings.
    statusTitle: 'Stato',
    state: {
      off: 'La sincronizzazione di rete non è attiva: i dati viaggiano solo come file (chiavetta USB, e-mail). Per attivarla scrivere qui sotto l’indirizzo del server comunicato dal consorzio.',
      idle: 'Tutto sincronizzato.',
      waiting: 'Indirizzo salvato: la prima sincronizzazione parte tra poco.',
      syncing: 'Sincronizzazione in corso…',
      offline: 'Il server del consorzio non si raggiunge (rete assente o server spento).',
      error: 'Il server del consorzio ha rifiutato la sincronizzazione.',
    },
    reassure: 'CST Desk riprova da solo; intanto si può lavorare normalmente: nulla va perso.',
    retryAt: 'Nuovo tentativo alle {{time}}.',
    retryOn: 'Nuovo tentativo il {{date}}.',
    lastSuccess: 'Ultima sincronizzazione riuscita',
    never: 'mai',
    lastAttempt: 'Ultimo tentativo',
    nextAttempt: 'Prossimo tentativo',
    toSend: 'Da inviare',
    toSendNothing: 'niente',
    eventsToSend_one: '{{count, int}} modifica',
    eventsToSend_other: '{{count, int}} modifiche',
    toApply: 'In attesa',
    bundlesToApply_one: '{{count, int}} file ricevuto ma non ancora letto: aspetta dati precedenti o la conferma di un’identità (vedere «Invii»)',
    bundlesToApply_other: '{{count, int}} file ricevuti ma non ancora letti: aspettano dati precedenti o la conferma di un’identità (vedere «Invii»)',
    bundlesToApplyHub_one: '{{count, int}} file ricevuto ma non ancora letto: aspetta dati precedenti o la conferma di un’identità (vedere «Importazioni»)',
    bundlesToApplyHub_other: '{{count, int}} file ricevuti ma non ancora letti: aspettano dati precedenti o la conferma di un’identità (vedere «Importazioni»)',
    lastRound: 'Ultimo scambio',
    lastRoundText: '{{when}}: file inviati {{sent}}, ricevuti {{received}}, letti {{applied}}',
    sending: 'Invio in corso: {{done}} di {{total}}',
    receiving: 'Ricezione in corso: {{done}} di {{total}}',
    now: 'Sincronizza ora',
    nowRunning: 'Sincronizzazione in corso…',
    nowDone: 'Sincronizzazione eseguita.',
    // The address.
    settingsTitle: 'Collegamento',
    mailbox: 'Indirizzo del server del consorzio',
    mailboxHint: 'Come lo ha comunicato il consorzio, per esempio https://posta.cst-pesarourbino.it. Lasciare vuoto per non usare la rete.',
    mailboxFromHub: 'In uso l’indirizzo comunicato dal consorzio: {{url}}. Scriverne un altro solo se il consorzio lo chiede.',
    mailboxFromHubShort: 'indirizzo comunicato dal consorzio',
    save: 'Salva indirizzo',
    saving: 'Salvataggio…',
    saved: 'Indirizzo salvato: CST Desk si sincronizza da solo quando c’è la rete.',
    removed: 'Indirizzo tolto: la sincronizzazione di rete non è più attiva.',
    unchanged: 'L’indirizzo è già questo: nulla da salvare.',
    // The shared folder.
    folder: 'Cartella condivisa',
    folderNone: 'Nessuna cartella condivisa.',
    folderHint: 'Una cartella di rete del consorzio (o tenuta allineata da Nextcloud o OneDrive) usata come secondo canale, se il consorzio lo indica.',
    folderHintBrowser: 'Si sceglie dal programma installato (CST Desk su questo computer), non dal browser.',
    chooseFolder: 'Scegli cartella…',
    folderChosen: 'Cartella condivisa impostata: {{folder}}.',
    folderFailed: 'La cartella non è stata impostata: {{reason}}',
  },
};
