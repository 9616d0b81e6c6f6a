import type { ErrorEntry } from './entry';

const v = (it: string, en: string): ErrorEntry => ({ code: 'E_VALIDATION', it, en, aboutField: true });

/**
 * What a schema check says, by kind of problem (shared/errors/zod-issues.ts maps every zod issue
 * here): no sentence of zod's own, English or Italian, ever reaches a user.
 */
export const validationMessages = {
  'validation.required': v('Questo campo è obbligatorio.', 'This field is required.'),
  'validation.invalid': v('Valore non valido: controllarlo.', 'Invalid value: please check it.'),
  'validation.notText': v('Qui va un testo.', 'A text is expected here.'),
  'validation.notNumber': v('Qui va un numero.', 'A number is expected here.'),
  'validation.notInteger': v('Qui va un numero intero.', 'A whole number is expected here.'),
  'validation.notYesNo': v('Qui va sì o no.', 'Yes or no is expected here.'),
  'validation.notList': v('Qui va un elenco.', 'A list is expected here.'),
  'validation.notGroup': v('Qui va un gruppo di dati.', 'A group of values is expected here.'),
  'validation.tooShort': v('Almeno {minimum} caratteri.', 'At least {minimum} characters.'),
  'validation.tooLong': v('Massimo {maximum} caratteri: accorciare il testo.', 'At most {maximum} characters: shorten the text.'),
  'validation.numberTooSmall': v('Il valore minimo è {minimum}.', 'The smallest value allowed is {minimum}.'),
  'validation.numberNotAbove': v('Il valore deve essere maggiore di {minimum}.', 'The value must be greater than {minimum}.'),
  'validation.numberTooLarge': v('Il valore massimo è {maximum}.', 'The largest value allowed is {maximum}.'),
  'validation.numberNotBelow': v('Il valore deve essere minore di {maximum}.', 'The value must be less than {maximum}.'),
  'validation.tooFewItems': v('Indicarne almeno {minimum}.', 'Give at least {minimum}.'),
  'validation.tooManyItems': v('Al massimo {maximum} elementi.', 'At most {maximum} items.'),
  'validation.notMultiple': v('Il valore deve essere un multiplo di {divisor}.', 'The value must be a multiple of {divisor}.'),
  'validation.badFormat': v('Il formato non è valido: controllarlo.', 'The format is not valid: please check it.'),
  'validation.badDate': v('Data non valida: usare una data esistente (gg/mm/aaaa).', 'Invalid date: use a real date (dd/mm/yyyy).'),
  'validation.notAllowed': v('Valore non ammesso: scegliere fra {allowed}.', 'Value not allowed: choose one of {allowed}.'),
  'validation.unknownFields': v('Dati non previsti: {keys}. Forse il programma è di una versione diversa.', 'Unexpected data: {keys}. The program may be of a different version.'),
  'validation.unknownKey': v('Voce non prevista.', 'Unexpected entry.'),
  'validation.fieldPrefix': { code: 'E_VALIDATION', it: 'Campo «{field}»: {sentence}', en: 'Field «{field}»: {sentence}' },
} as const satisfies Record<string, ErrorEntry>;
