import type { itFields } from './it-fields';

/**
 * English dates are typed day first too (dd/mm/yyyy): the data are Italian, the same installation
 * switches language, and "06/12/2026" must mean 6 December in both; the pattern says which part
 * is which, so nobody reads it the American way.
 */
export const enFields: typeof itFields = {
  fields: {
    datePattern: 'dd/mm/yyyy',
    monthPattern: 'mm/yyyy',
    dateHint: 'Type day/month/year, for example {{example}}.',
    monthHint: 'Type month/year, for example {{example}}.',
    dateInvalid: 'Not a valid date: type it as dd/mm/yyyy (day/month/year), for example {{example}}.',
    monthInvalid: 'Not a valid month: type it as mm/yyyy (month/year), for example {{example}}.',
    fileChoose: 'Choose the file',
    filesChoose: 'Choose the files',
    fileNone: 'No file chosen',
    fileChosen: 'Chosen file: {{name}}',
    filesChosen_one: '1 file chosen: {{names}}',
    filesChosen_other: '{{count, int}} files chosen: {{names}}',
  },
};
