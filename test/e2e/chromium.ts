/**
 * The flags this machine needs for Debian's Chromium (no sandbox as root, no background traffic),
 * and the Italian UI locale, as a town hall's PC has it. The app's own fields no longer depend on
 * it (dates are text typed gg/mm/aaaa, file choosers are labelled buttons):
 * date-file-fields.test.ts proves it in an American Chromium.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--lang=it-IT',
];

/**
 * On Linux Chromium ignores `--lang` and takes its UI locale from `LANGUAGE` (Debian ships the
 * Italian strings in `chromium-l10n`; without them it falls back to en-US).
 */
export const CHROMIUM_ENV: Record<string, string> = { LANGUAGE: 'it_IT:it' };

export const CHROMIUM_PATH = process.env.CST_CHROMIUM ?? '/usr/bin/chromium';
