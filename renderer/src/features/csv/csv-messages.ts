import type { ApiError } from '../../../../shared/api/errors';
import type { CsvProblem } from '../../../../shared/domain/csv';
import { isMessageKey } from '../../../../shared/errors/catalogue';
import { apiErrorToMessage, shownParams, type Message } from '../../i18n/messages';

/**
 * A problem of the file in the page's language: the error catalogue's sentence by the key the
 * core sent (shared/errors/csv-messages.ts, the one the CLI prints), numbers written the page's
 * way; from an older backend, by its code (`csvProblems.<code>`), its Italian sentence as fallback.
 */
export function csvProblemMessage(problem: Pick<CsvProblem, 'code' | 'params' | 'message' | 'key'>): Message {
  const params = shownParams(problem.params ?? {});
  if (isMessageKey(problem.key)) return { errorKey: problem.key, params, fallback: problem.message };
  return { key: `csvProblems.${problem.code}`, params, fallback: problem.message };
}

/** A refusal of csv.preview / csv.import: a whole-file problem by its code, else as any API error. */
export function csvErrorMessage(error: ApiError): Message {
  return apiErrorToMessage(error);
}
