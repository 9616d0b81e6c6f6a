/** Italian strings of the recovery after a restore from an old backup (docs/design.md "Restores"). */
export const itRecovery = {
  recovery: {
    bannerTitle: 'Mancano dati: importare il pacchetto di recupero del consorzio',
    bannerText_one:
      'Questa installazione è stata ripristinata da una copia di sicurezza più vecchia: il consorzio ({{hub}}) ha già {{count, int}} registrazione di questo Comune che qui manca. Finché non è recuperata non si possono registrare nuovi dati, altrimenti si creerebbero due versioni diverse.',
    bannerText_other:
      'Questa installazione è stata ripristinata da una copia di sicurezza più vecchia: il consorzio ({{hub}}) ha già {{count, int}} registrazioni di questo Comune che qui mancano. Finché non sono recuperate non si possono registrare nuovi dati, altrimenti si creerebbero due versioni diverse.',
    bannerStepsTitle: 'Cosa fare',
    bannerStep1: 'Telefonare al consorzio e chiedere il «pacchetto di recupero» di questo Comune (lo prepara dalla scheda del Comune).',
    bannerStep2: 'Salvare il file ricevuto (finisce in .cstb) su questo computer.',
    bannerStep3: 'Premere «Importa il pacchetto di recupero» qui sotto e scegliere il file.',
    bannerCounts: 'Ultima registrazione presente qui: n. {{ours}} · presso il consorzio: n. {{hubs}}',
    pick: 'Importa il pacchetto di recupero',
    drop: 'Oppure trascinare qui il file del pacchetto di recupero (.cstb).',
    applying: 'Recupero in corso: verifica del file e ricostruzione dei dati…',
    recovered_one: '{{count, int}} registrazione recuperata (la {{first}}) dalla copia del consorzio: i dati di questo Comune sono di nuovo completi e si possono registrare nuovi dati.',
    recovered_other: '{{count, int}} registrazioni recuperate (dalla {{first}} alla {{last}}) dalla copia del consorzio: i dati di questo Comune sono di nuovo completi e si possono registrare nuovi dati.',
    nothingToRecover: 'Nessuna registrazione da recuperare: questa installazione ha già tutti i dati che il consorzio ha ricevuto.',
    missingFiles_one: '{{count, int}} allegato di una proposta non era presso il consorzio: riallegarlo dalla proposta.',
    missingFiles_other: '{{count, int}} allegati di proposte non erano presso il consorzio: riallegarli dalle proposte.',
    syncWaits: 'Prima importare il pacchetto di recupero (riquadro rosso in alto).',
    exportTitle: 'Pacchetto di recupero',
    exportText:
      'Se {{name}} ha dovuto ripristinare una copia di sicurezza vecchia, le sue registrazioni già ricevute dal consorzio mancano nella sua installazione. Il pacchetto di recupero contiene la copia firmata delle registrazioni di {{name}} ricevute qui ($t(counts.entries, {"count": {{seq}} })) e dei loro allegati: inviarlo al Comune, che lo importa dalla pagina iniziale.',
    exportNothing: 'Il consorzio non ha ancora ricevuto dati da {{name}}: non c’è nulla da recuperare.',
    exportButton: 'Scarica il pacchetto di recupero',
    exporting: 'Preparazione del pacchetto di recupero…',
    exportSaved: 'Pacchetto di recupero salvato: {{file}}. Inviarlo a {{name}} (chiavetta USB o posta elettronica).',
    exportCancelled: 'Salvataggio annullato: nessun file scritto.',
  },
};
