/**
 * A fingerprint as a person types it after reading it over the phone: in groups, separated by
 * spaces or by dashes (any dash a keyboard or a word processor makes), which do not count. The
 * app, the backend and the CLI compare it through this one function, so that the field's hint
 * ("spaces and dashes do not matter") is true everywhere.
 */
export function normalizeFingerprint(text: string): string {
  return text.replace(/[\s\u002d\u2010\u2011\u2012\u2013\u2014\u2212]+/g, '');
}
