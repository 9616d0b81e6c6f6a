/**
 * Italian strings of the CSV import: every problem the backend names (by its code in
 * shared/domain/csv.ts CSV_PROBLEM_CODES; a test checks that each has its sentence here and in
 * en-csv.ts) and the progress of long work (CSV, demo data).
 */
export const itCsv = {
  csvProblems: {
    CSV_FILE_UNREADABLE: 'Il contenuto del file non è leggibile: riprovare a scegliere il file.',
    CSV_FILE_UTF16: 'Il file è in formato «Testo Unicode» (UTF-16): in Excel salvarlo come «CSV (delimitato dal separatore di elenco)» oppure «CSV UTF-8».',
    CSV_FILE_XLSX: 'Il file è un foglio Excel (.xlsx), non un CSV: in Excel usare «Salva con nome» e scegliere «CSV (delimitato dal separatore di elenco)».',
    CSV_FILE_BINARY: 'Il file contiene dati binari, non testo: scegliere un file CSV salvato da Excel o da un foglio di calcolo.',
    CSV_FILE_EMPTY: 'Il file è vuoto: manca anche la riga di intestazione.',
    CSV_FILE_TOO_MANY_ROWS: 'Il file ha più di {{max}} righe: dividerlo in più file.',
    CSV_IMPORT_BLOCKED: 'Nessuna riga importata: {{invalidRows}} righe hanno problemi (la prima è la riga {{firstRow}}). Correggerle o escluderle.',
    CSV_EXPORT_TOO_LARGE: 'L’elenco ha più di {{max}} righe, troppe per un file da scaricare qui: restringere il periodo o il servizio, oppure esportarlo con il comando «cst export … --out FILE.csv».',
    CSV_COLUMN_MISSING: 'Manca la colonna «{{column}}»: aggiungerla nella prima riga (intestazione) del file.',
    CSV_COLUMN_NAME_OR_CODE_MISSING: 'Manca la colonna «nome» (o «codice»): aggiungerla nella prima riga del file.',
    CSV_ROW_REPEATED: 'Riga uguale alla riga {{firstRow}}: toglierla o escluderla.',
    CSV_USAGE_ALREADY_STORED: 'Questo utilizzo sembra già registrato (stesso servizio, data, quantità e note): togliere la riga o escluderla.',
    CSV_STAFF_CODE_STORED: 'Il codice {{code}} è già nel registro del personale: togliere la riga o cambiare il codice.',
    CSV_STAFF_NAME_STORED: '{{name}} è già nel registro del personale: togliere la riga o escluderla.',
    CSV_STAFF_NO_NAME_OR_CODE: 'La riga non ha né nome né codice: compilarne almeno uno.',
    CSV_SERVICE_UNKNOWN: 'Il servizio «{{value}}» non è nel catalogo: usare il codice (per esempio PEC) o il nome esatto.',
    CSV_PERIOD_INVALID: 'Il periodo «{{value}}» non è valido: scrivere «giorno» o «mese» (o lasciare vuoto, che vale giorno).',
    CSV_DATE_INVALID: '«{{value}}» non è una data: scriverla come gg/mm/aaaa, per esempio 31/01/2026.',
    CSV_DATE_IMPOSSIBLE: 'La data {{value}} non esiste nel calendario: correggere giorno o mese.',
    CSV_DATE_TOO_OLD: 'La data {{value}} è anteriore al 2000: controllare l’anno.',
    CSV_DATE_FUTURE: 'La data {{value}} è nel futuro: si registra solo ciò che è già avvenuto.',
    CSV_QUANTITY_MISSING: 'Manca la quantità: scrivere un numero maggiore di zero.',
    CSV_QUANTITY_NEGATIVE: 'La quantità {{value}} è negativa: scrivere un numero maggiore di zero.',
    CSV_QUANTITY_NOT_NUMBER: '«{{value}}» non è un numero: scrivere per esempio 12 oppure 12,5.',
    CSV_QUANTITY_ZERO: 'La quantità è zero: scrivere un numero maggiore di zero, oppure togliere la riga.',
    CSV_QUANTITY_DECIMALS: 'Il servizio {{service}} si conta in numeri interi: togliere i decimali da {{value}}.',
    CSV_QUANTITY_TOO_PRECISE: 'La quantità {{value}} ha più di 3 decimali o più di 12 cifre: scrivere per esempio 12,5.',
    CSV_COUNT_INVALID: '«{{value}}» non è un numero intero non negativo: lasciare vuoto o scrivere per esempio 3.',
    CSV_COUNT_TOO_LARGE: 'Il numero {{value}} è troppo grande (al massimo {{max}}): controllare la cella.',
    CSV_CHANNEL_INVALID: 'Il canale «{{value}}» non è valido: scrivere sportello, online o telefono (o lasciare vuoto).',
    CSV_ACTIVE_INVALID: '«{{value}}» non vale sì o no: scrivere «sì» o «no» (o lasciare vuoto, che vale sì).',
    CSV_STAFF_CODE_INVALID: 'Il codice «{{value}}» non va bene: usare lettere, cifre, punto, trattino o trattino basso (massimo 24 caratteri), per esempio P-001.',
    CSV_TEXT_TOO_LONG: 'Il testo ha {{length}} caratteri, al massimo {{max}}: accorciarlo.',
    CSV_NOTE_TOO_LONG: 'La nota ha {{length}} caratteri, al massimo {{max}}: accorciarla (gli allegati non vanno nelle note).',
    CSV_CONTROL_CHARACTERS: 'Il testo contiene caratteri di controllo (invisibili) non ammessi: ridigitarlo nella cella.',
    CSV_VALUE_INVALID: 'Valore non valido: controllare la cella.',
  },
  csvProgress: {
    check: 'Controllo delle righe: {{done}} su {{total}}…',
    import: 'Registrazione delle righe: {{done}} su {{total}}…',
  },
};
