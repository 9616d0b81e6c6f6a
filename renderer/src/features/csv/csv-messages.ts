import type { ApiError } from '../../../../shared/api/errors';
import type { CsvProblem } from '../../../../shared/domain/csv';
import { apiErrorToMessage, shownParams, type Message } from '../../i18n/messages';

/**
 * A problem of the file in the page's language: by its code from the catalogue
 * (`csvProblems.<code>`), the backend's Italian sentence as fallback (an older backend).
 */
export function csvProblemMessage(problem: Pick<CsvProblem, 'code' | 'params' | 'message'>): Message {
  return { key: `csvProblems.${problem.code}`, params: shownParams(problem.params ?? {}), fallback: problem.message };
}

/** A refusal of csv.preview / csv.import: a whole-file problem by its code, else as any API error. */
export function csvErrorMessage(error: ApiError): Message {
  return apiErrorToMessage(error);
}
