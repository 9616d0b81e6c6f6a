import type { CsvProblem, CsvProblemCode, CsvProblemParams } from '../../../../shared/domain/csv';
import { CSV_FILE_ERROR_KEYS, CSV_TEXT_SENTENCES } from '../../format/csv/csv-text';
import { messageFor, type MessageKey } from '../../../../shared/errors/catalogue';
import { appError, type AppError } from '../../platform/errors';

/** A file refused as a whole: its sentence is in the shared catalogue (the CLI says it in `--lang`). */
const FILE_KEYS = {
  CSV_FILE_UNREADABLE: 'csvFile.unreadable',
  ...CSV_FILE_ERROR_KEYS,
  CSV_FILE_EMPTY: 'csvFile.empty',
  CSV_FILE_TOO_MANY_ROWS: 'csvFile.tooManyRows',
  CSV_IMPORT_BLOCKED: 'csvFile.importBlocked',
  CSV_EXPORT_TOO_LARGE: 'csvFile.exportTooLarge',
} as const satisfies Partial<Record<CsvProblemCode, MessageKey>>;
type CsvFileCode = keyof typeof FILE_KEYS;

const fileSentence = (code: CsvFileCode, p: CsvProblemParams) => messageFor(FILE_KEYS[code], p);

/**
 * The Italian sentence of every CSV problem (what the CLI prints; the UI translates the code
 * from its catalogue instead). Row problems start in lower case: they follow "riga N, colonna
 * «x»:". One entry per code, checked by the type: a new code cannot be added without its words.
 */
const ITALIAN: { [C in CsvProblemCode]: (p: CsvProblemParams) => string } = {
  CSV_FILE_UNREADABLE: (p) => fileSentence('CSV_FILE_UNREADABLE', p),
  CSV_FILE_UTF16: (p) => fileSentence('CSV_FILE_UTF16', p),
  CSV_FILE_XLSX: (p) => fileSentence('CSV_FILE_XLSX', p),
  CSV_FILE_BINARY: (p) => fileSentence('CSV_FILE_BINARY', p),
  CSV_FILE_INVALID_UTF8: (p) => CSV_TEXT_SENTENCES.CSV_FILE_INVALID_UTF8({ line: Number(p.line) }),
  CSV_QUOTE_MALFORMED: (p) => CSV_TEXT_SENTENCES.CSV_QUOTE_MALFORMED({ line: Number(p.line), column: Number(p.column) }),
  CSV_QUOTE_UNCLOSED: (p) => CSV_TEXT_SENTENCES.CSV_QUOTE_UNCLOSED({ line: Number(p.line), column: Number(p.column) }),
  CSV_FILE_EMPTY: (p) => fileSentence('CSV_FILE_EMPTY', p),
  CSV_FILE_TOO_MANY_ROWS: (p) => fileSentence('CSV_FILE_TOO_MANY_ROWS', p),
  CSV_IMPORT_BLOCKED: (p) => fileSentence('CSV_IMPORT_BLOCKED', p),
  CSV_EXPORT_TOO_LARGE: (p) => fileSentence('CSV_EXPORT_TOO_LARGE', p),
  CSV_COLUMN_MISSING: (p) => `manca la colonna "${p.column}": aggiungerla nella prima riga (intestazione) del file.`,
  CSV_COLUMN_NAME_OR_CODE_MISSING: () => 'manca la colonna "nome" (o "codice"): aggiungerla nella prima riga.',
  CSV_ROW_REPEATED: (p) => `riga uguale alla riga ${p.firstRow}: toglierla o escluderla.`,
  CSV_USAGE_ALREADY_STORED: () => 'questo utilizzo sembra già registrato (stesso servizio, data, quantità e note): togliere la riga o escluderla.',
  CSV_STAFF_CODE_STORED: (p) => `il codice ${p.code} è già nel registro del personale: togliere la riga o cambiare il codice.`,
  CSV_STAFF_NAME_STORED: (p) => `${p.name} è già nel registro del personale: togliere la riga o escluderla.`,
  CSV_STAFF_NO_NAME_OR_CODE: () => 'la riga non ha né nome né codice: compilarne almeno uno.',
  CSV_SERVICE_UNKNOWN: (p) => `il servizio "${p.value}" non è nel catalogo: usare il codice (per esempio PEC) o il nome esatto.`,
  CSV_PERIOD_INVALID: (p) => `il periodo "${p.value}" non è valido: scrivere "giorno" o "mese" (o lasciare vuoto, che vale giorno).`,
  CSV_DATE_INVALID: (p) => `"${p.value}" non è una data: scriverla come gg/mm/aaaa, per esempio 31/01/2026.`,
  CSV_DATE_IMPOSSIBLE: (p) => `la data ${p.value} non esiste nel calendario: correggere giorno o mese.`,
  CSV_DATE_TOO_OLD: (p) => `la data ${p.value} è anteriore al 2000: controllare l'anno.`,
  CSV_DATE_FUTURE: (p) => `la data ${p.value} è nel futuro: si registra solo ciò che è già avvenuto.`,
  CSV_QUANTITY_MISSING: () => 'manca la quantità: scrivere un numero maggiore di zero.',
  CSV_QUANTITY_NEGATIVE: (p) => `la quantità ${p.value} è negativa: scrivere un numero maggiore di zero.`,
  CSV_QUANTITY_NOT_NUMBER: (p) => `"${p.value}" non è un numero: scrivere per esempio 12 oppure 12,5.`,
  CSV_QUANTITY_ZERO: () => 'la quantità è zero: scrivere un numero maggiore di zero, oppure togliere la riga.',
  CSV_QUANTITY_DECIMALS: (p) => `il servizio ${p.service} si conta in numeri interi: togliere i decimali da ${p.value}.`,
  CSV_QUANTITY_TOO_PRECISE: (p) => `la quantità ${p.value} ha più di 3 decimali o più di 12 cifre: scrivere per esempio 12,5.`,
  CSV_COUNT_INVALID: (p) => `"${p.value}" non è un numero intero non negativo: lasciare vuoto o scrivere per esempio 3.`,
  CSV_COUNT_TOO_LARGE: (p) => `il numero ${p.value} è troppo grande (al massimo ${p.max}): controllare la cella.`,
  CSV_CHANNEL_INVALID: (p) => `il canale "${p.value}" non è valido: scrivere sportello, online o telefono (o lasciare vuoto).`,
  CSV_ACTIVE_INVALID: (p) => `"${p.value}" non vale sì o no: scrivere "sì" o "no" (o lasciare vuoto, che vale sì).`,
  CSV_STAFF_CODE_INVALID: (p) => `il codice "${p.value}" non va bene: usare lettere, cifre, punto, trattino o trattino basso (massimo 24 caratteri), per esempio P-001.`,
  CSV_TEXT_TOO_LONG: (p) => `il testo ha ${p.length} caratteri, al massimo ${p.max}: accorciarlo.`,
  CSV_NOTE_TOO_LONG: (p) => `la nota ha ${p.length} caratteri, al massimo ${p.max}: accorciarla (gli allegati non vanno nelle note).`,
  CSV_CONTROL_CHARACTERS: () => 'il testo contiene caratteri di controllo (invisibili) non ammessi: ridigitarlo nella cella.',
  CSV_VALUE_INVALID: (p) => `valore non valido (${p.issue}): controllare la cella.`,
};

/** The Italian sentence of a problem. */
export function csvProblemText(code: CsvProblemCode, params: CsvProblemParams = {}): string {
  return ITALIAN[code](params);
}

/** A problem of a row (or of the header, row 1). */
export function csvProblem(row: number, column: string | null, code: CsvProblemCode, params: CsvProblemParams = {}): CsvProblem {
  return { row, column, code, params, message: csvProblemText(code, params) };
}

/** A cell's value as the sentences quote it: trimmed and short (a 10,000-character cell is not repeated). */
export const quoted = (text: string | undefined, max = 40) => {
  const t = (text ?? '').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
};

/**
 * The refusal of a whole file: E_VALIDATION with the Italian sentence, and the problem's code in
 * `params.csvProblem` (its own params beside it) so that the UI can say it in its language.
 */
export function csvFileRefusal(code: CsvFileCode, params: CsvProblemParams = {}): AppError {
  return appError(FILE_KEYS[code], params as never, { field: 'contentBase64', params: { ...params, csvProblem: code } });
}
