/**
 * Counted nouns outside the window (CLI output, messages written by the core): "1 voce",
 * "4 dipendenti importati", never "1 voci" nor "Importati 4 personale". The window takes the same
 * rule from i18next's `_one`/`_other` keys (renderer/src/i18n); this is it for plain strings.
 */
import { formatInteger, type NumberLocale } from './numbers';

/** The two forms of a noun phrase that follows a number ("riga" / "righe", "dato nuovo" / "dati nuovi"). */
export interface Forms {
  one: string;
  other: string;
}

/**
 * CLDR's plural category for Italian and English, the one i18next uses through Intl.PluralRules:
 * "one" only for the integer 1 (0 and 1,5 are plural in both languages).
 */
export function pluralCategory(count: number): 'one' | 'other' {
  return count === 1 ? 'one' : 'other';
}

/** The form that agrees with `count`, without the number: "riga" for 1, "righe" otherwise. */
export function plural(count: number, forms: Forms): string {
  return pluralCategory(count) === 'one' ? forms.one : forms.other;
}

/** The number, grouped, and the form that agrees with it: countText(4, DIPENDENTI) → "4 dipendenti importati". */
export function countText(count: number, forms: Forms, locale: NumberLocale = 'it'): string {
  return `${formatInteger(count, locale)} ${plural(count, forms)}`;
}
