import type { ApiError } from '../../../../shared/api/errors';
import type { CsvProblem } from '../../../../shared/domain/csv';
import { formatNumber } from '../../i18n/format';
import { apiErrorToMessage, type Message } from '../../i18n/messages';

/** Numbers in a sentence the Italian way (100.000), texts as read from the file. */
function shownParams(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v) : v]));
}

/**
 * A problem of the file in the page's language: by its code from the catalogue
 * (`csvProblems.<code>`), the backend's Italian sentence as fallback (an older backend).
 */
export function csvProblemMessage(problem: Pick<CsvProblem, 'code' | 'params' | 'message'>): Message {
  return { key: `csvProblems.${problem.code}`, params: shownParams(problem.params ?? {}), fallback: problem.message };
}

/** A refusal of csv.preview / csv.import: a whole-file problem by its code, else as any API error. */
export function csvErrorMessage(error: ApiError): Message {
  const code = error.params?.csvProblem;
  if (typeof code !== 'string') return apiErrorToMessage(error);
  const { csvProblem: _code, ...params } = error.params ?? {};
  return csvProblemMessage({ code: code as CsvProblem['code'], params, message: error.message });
}
