import type { CsvProblem, CsvProblemCode, CsvProblemParams } from '../../../../shared/domain/csv';
import { CSV_FILE_ERROR_KEYS } from '../../format/csv/csv-text';
import { messageFor, type Language, type MessageKey } from '../../../../shared/errors/catalogue';
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

/** The problems of a row (or of the header), one catalogue key each. */
const ROW_KEYS = {
  CSV_COLUMN_MISSING: 'csvRow.columnMissing',
  CSV_COLUMN_NAME_OR_CODE_MISSING: 'csvRow.nameOrCodeMissing',
  CSV_ROW_REPEATED: 'csvRow.repeated',
  CSV_USAGE_ALREADY_STORED: 'csvRow.usageStored',
  CSV_STAFF_CODE_STORED: 'csvRow.staffCodeStored',
  CSV_STAFF_NAME_STORED: 'csvRow.staffNameStored',
  CSV_STAFF_NO_NAME_OR_CODE: 'csvRow.staffNoNameOrCode',
  CSV_SERVICE_UNKNOWN: 'csvRow.serviceUnknown',
  CSV_PERIOD_INVALID: 'csvRow.periodInvalid',
  CSV_DATE_INVALID: 'csvRow.dateInvalid',
  CSV_DATE_IMPOSSIBLE: 'csvRow.dateImpossible',
  CSV_DATE_TOO_OLD: 'csvRow.dateTooOld',
  CSV_DATE_FUTURE: 'csvRow.dateFuture',
  CSV_QUANTITY_MISSING: 'csvRow.quantityMissing',
  CSV_QUANTITY_NEGATIVE: 'csvRow.quantityNegative',
  CSV_QUANTITY_NOT_NUMBER: 'csvRow.quantityNotNumber',
  CSV_QUANTITY_ZERO: 'csvRow.quantityZero',
  CSV_QUANTITY_DECIMALS: 'csvRow.quantityDecimals',
  CSV_QUANTITY_TOO_PRECISE: 'csvRow.quantityTooPrecise',
  CSV_COUNT_INVALID: 'csvRow.countInvalid',
  CSV_COUNT_TOO_LARGE: 'csvRow.countTooLarge',
  CSV_CHANNEL_INVALID: 'csvRow.channelInvalid',
  CSV_ACTIVE_INVALID: 'csvRow.activeInvalid',
  CSV_STAFF_CODE_INVALID: 'csvRow.staffCodeInvalid',
  CSV_TEXT_TOO_LONG: 'csvRow.textTooLong',
  CSV_NOTE_TOO_LONG: 'csvRow.noteTooLong',
  CSV_CONTROL_CHARACTERS: 'csvRow.controlCharacters',
  CSV_VALUE_INVALID: 'csvRow.valueInvalid',
} as const satisfies Partial<Record<CsvProblemCode, MessageKey>>;

/**
 * Every CSV problem's sentence, by its catalogue key: a file refused as a whole or a row's
 * problem. One entry per code, checked by the type: a new code cannot be added without its words.
 */
const KEYS: { [C in CsvProblemCode]: MessageKey } = { ...FILE_KEYS, ...ROW_KEYS };

/**
 * The params of a problem's sentence in both languages: a schema's own sentence (`issue`) is
 * Italian, so the English one leaves it out.
 */
function bothLanguages(code: CsvProblemCode, params: CsvProblemParams): CsvProblemParams {
  return code === 'CSV_VALUE_INVALID' ? { issueEn: '', ...params } : params;
}

/** The sentence of a problem in `language` (Italian: what the core stores in `message`). */
export function csvProblemText(code: CsvProblemCode, params: CsvProblemParams = {}, language: Language = 'it'): string {
  return messageFor(KEYS[code], bothLanguages(code, params), language);
}

/** A problem of a row (or of the header, row 1). */
export function csvProblem(row: number, column: string | null, code: CsvProblemCode, params: CsvProblemParams = {}): CsvProblem {
  const named = bothLanguages(code, params);
  return { row, column, code, params: named, key: KEYS[code], message: csvProblemText(code, named) };
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
