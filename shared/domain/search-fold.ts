/**
 * Folds a text for accent- and case-insensitive search: "Forlì" and "forli" fold alike. Shared by
 * the core (the municipality picker, the hub's lists of members) and the window (the Assembly's
 * vote form), so a search finds the same members everywhere.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[-\s]+/g, ' ')
    .trim();
}
