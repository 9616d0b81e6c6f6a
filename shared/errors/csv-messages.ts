import type { ErrorEntry } from './entry';

const file = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en });

/**
 * A CSV file refused as a whole (the window says it by its code, `csvProblems.<code>` with
 * `params.csvProblem`; the CLI by this key, in `--lang`). Row problems stay in the preview's
 * own catalogue (csv-problems.ts and the window's csvProblems).
 */
export const csvMessages = {
  'csvFile.unreadable': file('il contenuto del file non è leggibile: riprovare a scegliere il file.', 'The file’s content cannot be read: choose the file again.'),
  'csvFile.utf16': file(
    'il file è in formato "Testo Unicode" (UTF-16): in Excel salvarlo come "CSV (delimitato dal separatore di elenco)" oppure "CSV UTF-8".',
    'The file is saved as “Unicode Text” (UTF-16): in Excel save it as “CSV (delimited by the list separator)” or “CSV UTF-8”.',
  ),
  'csvFile.xlsx': file(
    'il file è un foglio Excel (.xlsx), non un CSV: in Excel usare "Salva con nome" e scegliere "CSV (delimitato dal separatore di elenco)".',
    'The file is an Excel workbook (.xlsx), not a CSV: in Excel use “Save as” and choose “CSV (delimited by the list separator)”.',
  ),
  'csvFile.binary': file(
    'il file contiene dati binari, non testo: scegliere un file CSV salvato da Excel o da un foglio di calcolo.',
    'The file contains binary data, not text: choose a CSV file saved by Excel or another spreadsheet.',
  ),
  'csvFile.invalidUtf8': file(
    'il file dichiara la codifica UTF-8 (inizia con il segno BOM) ma alla riga {line} contiene caratteri che non sono UTF-8: salvarlo di nuovo da Excel come "CSV UTF-8", oppure correggere la riga {line}.',
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
} as const satisfies Record<string, ErrorEntry>;
