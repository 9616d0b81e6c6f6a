import type { ErrorEntry } from './entry';

const file = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en });
const row = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en });

/**
 * A CSV file refused as a whole (the window says it by its code, `csvProblems.<code>` with
 * `params.csvProblem`; the CLI by this key, in `--lang`), and the problems of one row of the
 * preview (`csvRow.*`, electron/core/municipality/csv/csv-problems.ts: one key per problem code;
 * they follow «riga N, colonna «x»:», so they start in lower case).
 */
export const csvMessages = {
  'csvFile.unreadable': file('il contenuto del file non è leggibile: riprovare a scegliere il file.', 'The file’s content cannot be read: choose the file again.'),
  'csvFile.utf16': file(
    'il file è in formato «Testo Unicode» (UTF-16): in Excel salvarlo come «CSV (delimitato dal separatore di elenco)» oppure «CSV UTF-8».',
    'The file is saved as “Unicode Text” (UTF-16): in Excel save it as “CSV (delimited by the list separator)” or “CSV UTF-8”.',
  ),
  'csvFile.xlsx': file(
    'il file è un foglio Excel (.xlsx), non un CSV: in Excel usare «Salva con nome» e scegliere «CSV (delimitato dal separatore di elenco)».',
    'The file is an Excel workbook (.xlsx), not a CSV: in Excel use “Save as” and choose “CSV (delimited by the list separator)”.',
  ),
  'csvFile.binary': file(
    'il file contiene dati binari, non testo: scegliere un file CSV salvato da Excel o da un foglio di calcolo.',
    'The file contains binary data, not text: choose a CSV file saved by Excel or another spreadsheet.',
  ),
  'csvFile.invalidUtf8': file(
    'il file dichiara la codifica UTF-8 (inizia con il segno BOM) ma alla riga {line} contiene caratteri che non sono UTF-8: salvarlo di nuovo da Excel come «CSV UTF-8», oppure correggere la riga {line}.',
    'The file declares the UTF-8 encoding (it starts with the BOM mark) but line {line} holds characters that are not UTF-8: save it again from Excel as “CSV UTF-8”, or correct line {line}.',
  ),
  'csvFile.quoteMalformed': file(
    'alla riga {line}, colonna {column}, dopo le virgolette di chiusura di un campo c\'è altro testo (per esempio "b"c): una virgoletta dentro un campo va scritta doppia (""), come fa Excel. Correggere la cella e salvare di nuovo il file.',
    'On line {line}, column {column}, a quoted field is followed by more text (for example "b"c): a quote inside a field must be written twice (""), as Excel does. Correct the cell and save the file again.',
  ),
  'csvFile.quoteUnclosed': file(
    'le virgolette aperte alla riga {line}, colonna {column}, non sono mai chiuse: tutto il resto del file finirebbe in una sola cella. Chiudere le virgolette (o toglierle) e salvare di nuovo il file.',
    'The quotes opened on line {line}, column {column}, are never closed: the whole rest of the file would end up in one cell. Close the quotes (or remove them) and save the file again.',
  ),
  'csvFile.empty': file('il file è vuoto: manca anche la riga di intestazione.', 'The file is empty: even the header row is missing.'),
  'csvFile.tooManyRows': file('il file ha più di {max} righe: dividerlo in più file.', 'The file has more than {max} rows: split it into several files.'),
  'csvFile.importBlocked': file(
    'nessuna riga importata: {invalidRows} righe hanno problemi (la prima è la riga {firstRow}). Correggerle o escluderle.',
    'Nothing imported: {invalidRows} rows have problems (the first is row {firstRow}). Correct or exclude them.',
  ),
  'csvFile.exportTooLarge': file(
    'l\'elenco ha più di {max} righe, troppe per un file da scaricare qui: restringere il periodo o il servizio, oppure esportarlo con il comando "cst export ... --out FILE.csv".',
    'The list has more than {max} rows, too many for a download here: narrow the period or the service, or export it with the command “cst export … --out FILE.csv”.',
  ),
  // The CLI's line for a problem, and its refusal when rows have problems.
  'csvRow.at': row('riga {row}, colonna «{column}»: {problem}', 'row {row}, column «{column}»: {problemEn}'),
  'csvRow.atRow': row('riga {row}: {problem}', 'row {row}: {problemEn}'),
  'csvRow.more': row('… e {more} con problemi.', '… and {moreEn} with problems.'),
  'csvImport.rowsWithProblems': row(
    '{rows} con problemi: nessun dato importato. Correggere il file, oppure usare --exclude-invalid per importare solo le righe valide.',
    '{rowsEn} with problems: nothing imported. Correct the file, or use --exclude-invalid to import only the valid rows.',
  ),
  'csvRow.columnMissing': row(
    'manca la colonna «{column}»: aggiungerla nella prima riga (intestazione) del file.',
    'the column "{column}" is missing: add it to the first row (the header) of the file.',
  ),
  'csvRow.nameOrCodeMissing': row(
    'manca la colonna «nome» (o «codice»): aggiungerla nella prima riga.',
    'the column "nome" (or "codice") is missing: add it to the first row of the file.',
  ),
  'csvRow.repeated': row(
    'riga uguale alla riga {firstRow}: toglierla o escluderla.',
    'same as row {firstRow}: remove or exclude it.',
  ),
  'csvRow.usageStored': row(
    'questo utilizzo sembra già registrato (stesso servizio, data, quantità e note): togliere la riga o escluderla.',
    'this usage seems already recorded (same service, date, quantity and notes): remove or exclude the row.',
  ),
  'csvRow.staffCodeStored': row(
    'il codice {code} è già nel registro del personale: togliere la riga o cambiare il codice.',
    'the code {code} is already in the staff register: remove the row or change the code.',
  ),
  'csvRow.staffNameStored': row(
    '{name} è già nel registro del personale: togliere la riga o escluderla.',
    '{name} is already in the staff register: remove or exclude the row.',
  ),
  'csvRow.staffNoNameOrCode': row(
    'la riga non ha né nome né codice: compilarne almeno uno.',
    'the row has neither a name nor a code: fill in at least one.',
  ),
  'csvRow.serviceUnknown': row(
    'il servizio «{value}» non è nel catalogo: usare il codice (per esempio PEC) o il nome esatto.',
    'the service "{value}" is not in the catalogue: use its code (for example PEC) or its exact name.',
  ),
  'csvRow.periodInvalid': row(
    'il periodo «{value}» non è valido: scrivere «giorno» o «mese» (o lasciare vuoto, che vale giorno).',
    'the period "{value}" is not valid: write "giorno" (day) or "mese" (month), or leave it empty for a day.',
  ),
  'csvRow.dateInvalid': row(
    '«{value}» non è una data: scriverla come gg/mm/aaaa, per esempio 31/01/2026.',
    '"{value}" is not a date: write it as dd/mm/yyyy, for example 31/01/2026.',
  ),
  'csvRow.dateImpossible': row(
    'la data {value} non esiste nel calendario: correggere giorno o mese.',
    'the date {value} does not exist in the calendar: correct the day or the month.',
  ),
  'csvRow.dateTooOld': row(
    'la data {value} è anteriore al 2000: controllare l\'anno.',
    'the date {value} is before 2000: check the year.',
  ),
  'csvRow.dateFuture': row(
    'la data {value} è nel futuro: si registra solo ciò che è già avvenuto.',
    'the date {value} is in the future: only what has already happened is recorded.',
  ),
  'csvRow.quantityMissing': row(
    'manca la quantità: scrivere un numero maggiore di zero.',
    'the quantity is missing: write a number greater than zero.',
  ),
  'csvRow.quantityNegative': row(
    'la quantità {value} è negativa: scrivere un numero maggiore di zero.',
    'the quantity {value} is negative: write a number greater than zero.',
  ),
  'csvRow.quantityNotNumber': row(
    '«{value}» non è un numero: scrivere per esempio 12 oppure 12,5.',
    '"{value}" is not a number: write for example 12 or 12,5.',
  ),
  'csvRow.quantityZero': row(
    'la quantità è zero: scrivere un numero maggiore di zero, oppure togliere la riga.',
    'the quantity is zero: write a number greater than zero, or remove the row.',
  ),
  'csvRow.quantityDecimals': row(
    'il servizio {service} si conta in numeri interi: togliere i decimali da {value}.',
    'the service {service} is counted in whole numbers: remove the decimals from {value}.',
  ),
  'csvRow.quantityTooPrecise': row(
    'la quantità {value} ha più di 3 decimali o più di 12 cifre: scrivere per esempio 12,5.',
    'the quantity {value} has more than 3 decimals or more than 12 digits: write for example 12,5.',
  ),
  'csvRow.countInvalid': row(
    '«{value}» non è un numero intero non negativo: lasciare vuoto o scrivere per esempio 3.',
    '"{value}" is not a whole number of zero or more: leave it empty or write for example 3.',
  ),
  'csvRow.countTooLarge': row(
    'il numero {value} è troppo grande (al massimo {max}): controllare la cella.',
    'the number {value} is too large (at most {max}): check the cell.',
  ),
  'csvRow.channelInvalid': row(
    'il canale «{value}» non è valido: scrivere sportello, online o telefono (o lasciare vuoto).',
    'the channel "{value}" is not valid: write sportello (counter), online or telefono (phone), or leave it empty.',
  ),
  'csvRow.activeInvalid': row(
    '«{value}» non vale sì o no: scrivere «sì» o «no» (o lasciare vuoto, che vale sì).',
    '"{value}" is not yes or no: write "sì" or "no" (or leave it empty, which means yes).',
  ),
  'csvRow.staffCodeInvalid': row(
    'il codice «{value}» non va bene: usare lettere, cifre, punto, trattino o trattino basso (massimo 24 caratteri), per esempio P-001.',
    'the code "{value}" is not valid: use letters, digits, dot, hyphen or underscore (at most 24 characters), for example P-001.',
  ),
  'csvRow.textTooLong': row(
    'il testo ha {length} caratteri, al massimo {max}: accorciarlo.',
    'the text has {length} characters, at most {max}: shorten it.',
  ),
  'csvRow.noteTooLong': row(
    'la nota ha {length} caratteri, al massimo {max}: accorciarla (gli allegati non vanno nelle note).',
    'the note has {length} characters, at most {max}: shorten it (attachments do not go in notes).',
  ),
  'csvRow.controlCharacters': row(
    'il testo contiene caratteri di controllo (invisibili) non ammessi: ridigitarlo nella cella.',
    'the text contains control (invisible) characters that are not allowed: type it again in the cell.',
  ),
  'csvRow.valueInvalid': row(
    'valore non valido ({issue}): controllare la cella.',
    'value not valid{issueEn}: check the cell.',
  ),
} as const satisfies Record<string, ErrorEntry>;
