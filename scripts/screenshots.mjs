#!/usr/bin/env node
// Screenshots of every screen, in Italian and English, at 1366×768 (an old town-hall screen),
// taken in Debian's Chromium through playwright-core, with a log of console errors and CSP
// violations. The browser shell must be running on a FRESH data folder (the script goes through
// the first-run setup):
//
//   node scripts/screenshots.mjs --url 'http://127.0.0.1:PORT/#secret=…' --out test-output/screens [--role municipality|hub]
//
// The page is never reloaded: the secret lives only in the page's memory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    out: { type: 'string', default: 'test-output/screens' },
    role: { type: 'string', default: 'municipality' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
if (!values.url) {
  console.error('usage: node scripts/screenshots.mjs --url URL --out DIR [--role municipality|hub]');
  process.exit(2);
}
if (values.role !== 'municipality' && values.role !== 'hub') {
  console.error('--role is municipality or hub');
  process.exit(2);
}
mkdirSync(values.out, { recursive: true });

const browser = await chromium.launch({
  executablePath: values.chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'it-IT', timezoneId: 'Europe/Rome' });
const problems = [];
page.on('console', (msg) => {
  if (msg.type() === 'error' || msg.type() === 'warning' || /Content.Security.Policy/i.test(msg.text())) {
    problems.push(`[console.${msg.type()}] ${msg.text()}`);
  }
});
page.on('pageerror', (err) => problems.push(`[pageerror] ${err.message}`));
page.on('response', (res) => {
  if (res.status() >= 400) problems.push(`[http ${res.status()}] ${res.url().slice(0, 120)}`);
});
page.on('requestfailed', (req) => problems.push(`[requestfailed] ${req.url().slice(0, 120)} ${req.failure()?.errorText ?? ''}`));

const prefix = values.role === 'hub' ? 'hub' : 'mun';
let counter = 0;

/** One screenshot of the current state in each language; the page ends in Italian. */
async function shootBoth(name, { fullPage = false } = {}) {
  counter += 1;
  const n = String(counter).padStart(2, '0');
  await settle();
  await page.screenshot({ path: join(values.out, `${prefix}-${n}-${name}-it.png`), fullPage });
  await switchLanguage('English');
  await page.screenshot({ path: join(values.out, `${prefix}-${n}-${name}-en.png`), fullPage });
  await switchLanguage('Italiano');
}

async function switchLanguage(label) {
  const group = page.locator('header [role="group"]');
  await group.getByRole('button', { name: label, exact: true }).click();
  await page.locator(`html[lang="${label === 'English' ? 'en' : 'it'}"]`).waitFor();
  await settle();
}

async function settle() {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(150);
}

async function go(hashPath) {
  await page.evaluate((p) => {
    window.location.hash = `#${p}`;
  }, hashPath);
  await page.locator('#page-title').waitFor();
  await settle();
}

await page.goto(values.url);
await page.getByRole('heading', { level: 1 }).waitFor();
await shootBoth('setup-role');

if (values.role === 'municipality') {
  await page.getByRole('button', { name: /^In un Comune/ }).click();
  await page.getByRole('combobox').waitFor();
  await shootBoth('setup-municipality');
  await page.getByRole('button', { name: 'Crea la postazione del Comune' }).click();
  await page.locator('.cst-field-error').first().waitFor();
  await shootBoth('setup-municipality-errors');
  await page.getByRole('combobox').fill('sant');
  await page.getByRole('option').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await shootBoth('setup-municipality-search');
  await page.getByRole('combobox').fill('');
  await page.getByRole('combobox').pressSequentially('urbino', { delay: 30 });
  await page.getByRole('option', { name: /^Urbino/ }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('textbox', { name: /Nome e cognome/ }).fill('Maria Rossi');
  await shootBoth('setup-municipality-chosen');
  await page.getByRole('button', { name: 'Crea la postazione del Comune' }).click();
} else {
  await page.getByRole('button', { name: /^Nell’ufficio del consorzio \(hub\)/ }).click();
  await page.getByRole('textbox', { name: /Codice del consorzio/ }).waitFor();
  await page.getByRole('button', { name: 'Crea la postazione del consorzio' }).click();
  await page.locator('.cst-field-error').first().waitFor();
  await shootBoth('setup-hub-errors');
  await page.getByRole('textbox', { name: /Codice del consorzio/ }).pressSequentially('cst-pu', { delay: 30 });
  await page.getByRole('textbox', { name: /Nome del consorzio/ }).fill('CST Pesaro-Urbino');
  await page.getByRole('combobox', { name: /Provincia/ }).selectOption('PU');
  await page.getByRole('textbox', { name: /Nome e cognome/ }).fill('Luca Bianchi');
  await shootBoth('setup-hub-filled');
  await page.getByRole('button', { name: 'Crea la postazione del consorzio' }).click();
}

await page.locator('.cst-fingerprint-group').first().waitFor();
await shootBoth('setup-fingerprint');
await page.getByRole('button', { name: 'Vai alla Home' }).click();
await page.locator('nav').waitFor();
await shootBoth('home', { fullPage: true });
if (values.role === 'hub') {
  await go('/members');
  await page.locator('table').waitFor();
  await shootBoth('members');
  await shootBoth('members-full', { fullPage: true });
  await go('/plan');
} else {
  await go('/usage');
}
await shootBoth('placeholder');
await go('/settings');
await page.locator('.cst-fingerprint-group').first().waitFor();
await shootBoth('settings');
await shootBoth('settings-full', { fullPage: true });
await page.getByRole('button', { name: 'Esporta file di identità (.cstid)' }).click();
await page.locator('.cst-toast').waitFor();
await shootBoth('settings-exported');

// Keyboard: the skip link (first in the page) is visible when focused.
await page.evaluate(() => window.scrollTo(0, 0));
await page.locator('.cst-skip-link').focus();
await settle();
await page.screenshot({ path: join(values.out, `${prefix}-99-skip-link-it.png`) });

await browser.close();
writeFileSync(join(values.out, `${prefix}-console.txt`), problems.join('\n') + '\n');
console.log(`${counter * 2 + 1} screenshots in ${values.out}; console problems: ${problems.length}`);
for (const p of problems) console.log(p);
