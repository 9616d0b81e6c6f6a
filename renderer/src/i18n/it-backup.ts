/** Italian strings of the backup copies (Settings › Copie di sicurezza; docs/design.md "Store"). */
export const itBackup = {
  backup: {
    title: 'Copie di sicurezza',
    intro:
      'CST Desk fa da solo una copia del database ogni giorno, poco dopo l’avvio, e la verifica. Tiene le copie degli ultimi 7 giorni e una per ciascuna delle ultime 4 settimane; ogni copia ha accanto le chiavi di questa installazione.',
    folder: 'Cartella delle copie',
    none: 'Non c’è ancora nessuna copia di sicurezza.',
    caption: 'Copie di sicurezza presenti, dalla più recente',
    colWhen: 'Data della copia',
    colName: 'File',
    colSize: 'Dimensione',
    colState: 'Stato',
    stateOk: 'Verificata',
    stateNoKeys: 'Manca il file delle chiavi',
    sizeMb: '{{size}} MB',
    now: 'Crea una copia adesso',
    running: 'Copia in corso: si può continuare a lavorare…',
    done: 'Copia creata e verificata: {{name}}.',
    lastOk: 'Ultima copia riuscita: {{when}}.',
    lastFailedTitle: 'L’ultima copia non è riuscita ({{when}})',
    failNoSpace: 'Il disco è pieno: liberare spazio sul disco e premere «Crea una copia adesso». I dati non sono stati toccati.',
    failReadOnly:
      'Non è possibile scrivere nella cartella {{folder}}: controllare che la cartella dati sia sul disco del computer e che l’utente possa scriverci, poi premere «Crea una copia adesso». I dati non sono stati toccati.',
    failNotAFolder: 'Al posto della cartella {{folder}} c’è un file con lo stesso nome: spostarlo o rinominarlo, poi premere «Crea una copia adesso». I dati non sono stati toccati.',
    failCorrupt:
      'La copia non ha superato la verifica ed è stata eliminata. Riprovare; se succede di nuovo, eseguire «npx cst check» e avvisare il consorzio.',
    failOther: 'La copia non è riuscita ({{reason}}). I dati non sono stati toccati: riprovare più tardi; se succede di nuovo, avvisare il consorzio.',
    restoreTitle: 'Come ripristinare una copia',
    restoreText:
      'Il ripristino non si fa da questa finestra, perché il programma sta usando i dati. Con CST Desk chiuso, il tecnico (del Comune o dell’assistenza del consorzio) esegue da un terminale, nella cartella del programma, il comando qui sotto con il nome del file scelto. Il database attuale non viene cancellato: viene messo da parte accanto a quello ripristinato.',
    restoreCommand: 'npx cst backup restore {{name}}',
    fileName: 'NOME-DEL-FILE.sqlite',
  },
};
