#!/usr/bin/env node
/**
 * Runs before `npm test` (package.json "pretest"): the tests use real programs (Chromium with its
 * Italian strings, minisign, age, zip, unzip, pdftotext, pdfinfo), and a fresh clone without one
 * of them used to fail twenty tests with messages that named none. This stops at once instead,
 * with one sentence naming the command that installs what is missing (Debian/Ubuntu packages,
 * as `.ci/run` installs them). Italian by default; English when LANG/LC_ALL/LC_MESSAGES says so,
 * like the `cst` command.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** What the tests run, in the order of the install command, with the package that brings it. */
const NEEDS = [
  { what: 'chromium', pkg: 'chromium', found: () => executable(chromiumPath()) },
  { what: 'it.pak', pkg: 'chromium-l10n', found: () => readable(join(localesDir(), 'it.pak')) },
  { what: 'minisign', pkg: 'minisign', found: () => onPath('minisign') },
  { what: 'age', pkg: 'age', found: () => onPath('age') },
  { what: 'zip', pkg: 'zip', found: () => onPath('zip') },
  { what: 'unzip', pkg: 'unzip', found: () => onPath('unzip') },
  { what: 'pdftotext', pkg: 'poppler-utils', found: () => onPath('pdftotext') },
  { what: 'pdfinfo', pkg: 'poppler-utils', found: () => onPath('pdfinfo') },
];

/** The executable the end-to-end harness starts (test/e2e/chromium.ts). */
function chromiumPath() {
  return process.env.CST_CHROMIUM ?? '/usr/bin/chromium';
}

/** Where Debian's chromium-l10n puts the Italian strings (date fields read gg/mm/aaaa with them). */
function localesDir() {
  return process.env.CST_CHROMIUM_LOCALES ?? '/usr/lib/chromium/locales';
}

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readable(file) {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && executable(join(dir, name)));
}

function english() {
  const lang = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return /^en\b|^en_/i.test(lang);
}

function missingPackages() {
  return [...new Set(NEEDS.filter((n) => !n.found()).map((n) => n.pkg))];
}

const packages = missingPackages();
if (packages.length > 0) {
  const command = `sudo apt-get install -y ${packages.join(' ')}`;
  const what = NEEDS.filter((n) => packages.includes(n.pkg) && !n.found()).map((n) => n.what).join(', ');
  console.error(
    english()
      ? `npm test: the tests need ${what}, missing here; install them with: ${command}`
      : `npm test: ai test servono ${what}, che qui mancano; installali con: ${command}`,
  );
  process.exit(1);
}
