/**
 * Words only an Italian sentence has: an English sentence of the error catalogue that matches
 * is a sentence left untranslated. Names quoted in the sentence («…», "…") are not looked at.
 */
export const ITALIAN_WORDS =
  /\b(il|lo|gli|della|dello|delle|degli|nella|nel|che|non|è|sono|una|uno|questo|questa|campo|riga|voce|comune|consorzio|pacchetto|cartella|controllare|indicare|scegliere|riprovare|nessun|già|ancora|oppure|prima|dati|file di)\b/i;

/** The sentence without what it quotes (CSV headers, file names), which stays as written. */
export function unquoted(text: string): string {
  return text.replace(/«[^»]*»/g, '«»').replace(/"[^"]*"/g, '""').replace(/\(intestazioni:[^)]*\)|\(headers:[^)]*\)/g, '()');
}
