/**
 * Which separator a CSV file uses. Excel on Italian Windows writes `;` (the comma is the decimal
 * mark there); English tools write `,`; "Testo delimitato da tabulazioni" writes a tab. The file
 * says nothing, so it is read from the text, on the first records (not lines: a quoted header
 * may span lines) and outside quotes (a quoted "Quantità, kg" holds no separator).
 *
 * Preference, in order:
 * 1. `;` when the header has one outside quotes: Italian Excel, whatever else the text holds.
 * 2. A tab when the header has one outside quotes.
 * 3. `,` when the header splits on it into names that do not start with a space (a name after
 *    ", " is prose, as in `Quantità, kg`, not a list written by a program) and at least one of
 *    the next records has as many fields as the header (or there is no other record).
 * 4. Otherwise `;`: a one-column file, read as Italian Excel would write it, so that `1,5`
 *    stays one decimal number.
 */
export type CsvSeparator = ';' | ',' | '\t';

/** Records looked at: enough to see past a header, few enough to stay instant on 20 MB. */
const SAMPLE_RECORDS = 20;

/**
 * The first records, each as its text outside quotes (quoted content dropped, so only real
 * separators remain). Quotes open only at a field's start, which depends on the separator; for
 * detection any quote after a candidate separator, at a line start or after blanks opens one.
 */
function recordsOutsideQuotes(text: string): string[] {
  const records: string[] = [];
  let current = '';
  let quoted = false;
  let fieldStart = true;
  /** A record of quoted fields only ("Note") has no text outside quotes, yet it is a record. */
  let filled = false;
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i += 1;
        else quoted = false;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      filled = true;
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (filled) records.push(current);
      current = '';
      fieldStart = true;
      filled = false;
      continue;
    }
    current += c;
    if (c.trim() !== '') filled = true;
    if (c === ';' || c === ',' || c === '\t') fieldStart = true;
    else if (c !== ' ') fieldStart = false;
  }
  if (filled && records.length < SAMPLE_RECORDS) records.push(current);
  return records;
}

export function detectSeparator(text: string): CsvSeparator {
  const [header, ...rest] = recordsOutsideQuotes(text);
  if (header === undefined) return ';';
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  if (header.includes(',')) {
    const names = header.split(',');
    const prose = names.slice(1).some((n) => n.startsWith(' '));
    const agrees = rest.length === 0 || rest.some((r) => r.split(',').length === names.length);
    if (!prose && agrees) return ',';
  }
  return ';';
}
