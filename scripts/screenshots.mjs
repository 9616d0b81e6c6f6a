#!/usr/bin/env node
// Screenshots of every screen, in Italian and English, at 1366×768 (an old town-hall screen),
// taken in Debian's Chromium through playwright-core, with a log of console errors and CSP
// violations. The browser shell must be running on a FRESH data folder (the script goes through
// the first-run setup):
//
//   node scripts/screenshots.mjs --url 'http://127.0.0.1:PORT/open?code=…' (a launch address, used once) --out test-output/screens [--role municipality|hub]
//
// The municipality run records a few entries by hand, then fills a year of demo data
// (`demo.fill`, through the page's own session) so that lists, tables and charts show real figures.
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
  args: ['--lang=it-IT', '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
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

/** A dialog blocks the header's language switch (the page behind is inert): Italian only. */
async function shootOne(name) {
  counter += 1;
  await settle();
  await page.screenshot({ path: join(values.out, `${prefix}-${String(counter).padStart(2, '0')}-${name}-it.png`) });
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
  await municipalityRecords();
  await go('/bundles');
}
await shootBoth(values.role === 'hub' ? 'placeholder' : 'bundles');
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

async function api(method, input) {
  return page.evaluate(
    ([m, i]) =>
      fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CST-Secret': sessionStorage.getItem('cst-desk.secret') ?? '' },
        body: JSON.stringify({ method: m, input: i }),
      }).then((r) => r.json()),
    [method, input],
  );
}

async function toast() {
  await page.locator('.cst-toast').first().waitFor();
}

/** Every screen of issue 3, as a clerk and the technical referent see them. */
async function municipalityRecords() {
  const demo = await api('demo.fill', { months: 12, seed: 7 });
  if (!demo.ok) problems.push(`[demo.fill] ${JSON.stringify(demo.error)}`);
  await go('/settings');
  await go('/');
  await page.locator('#home-month').waitFor();
  await shootBoth('home-municipality', { fullPage: true });

  await go('/usage');
  await page.locator('#usage-new-service').selectOption('PROTOCOLLO');
  await page.locator('#usage-new-quantity').fill('40');
  await page.locator('#usage-new-quantity').press('Enter');
  await toast();
  await shootBoth('usage-entry-saved');
  await page.locator('#usage-new-service').selectOption('PEC');
  await page.locator('#usage-new-quantity').fill('2,5');
  await page.locator('#usage-new-citizens').fill('tre');
  await page.locator('#usage-new-quantity').press('Enter');
  await page.locator('#usage-new-quantity-error').waitFor();
  await shootBoth('usage-entry-errors');
  await page.locator('#usage-list').scrollIntoViewIfNeeded();
  await shootBoth('usage-list', { fullPage: true });
  await page.locator('#usage-list button', { hasText: 'Modifica' }).first().click();
  await page.locator('dialog[open]').waitFor();
  await shootOne('usage-correct-dialog');
  await page.locator('#usage-edit-quantity').fill('45');
  await page.locator('#usage-edit-quantity').press('Enter');
  await toast();
  await page.locator('#usage-list button', { hasText: 'Cronologia' }).first().click();
  await page.locator('dialog[open] .cst-history-item').nth(1).waitFor();
  await shootOne('usage-history-dialog');
  await page.keyboard.press('Escape');

  await go('/usage/monthly');
  await page.locator('table.cst-monthly').waitFor();
  await shootBoth('usage-monthly');
  await go('/usage/trend');
  await page.locator('.cst-chart-svg').first().waitFor();
  await shootBoth('usage-trend', { fullPage: true });
  await go('/usage/csv');
  await page.locator('#usage-csv-import input[type="file"]').setInputFiles({
    name: 'utilizzo-novembre.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('\uFEFFservizio;data;quantità;canale\nPEC;03/11/2026;2;sportello\nXYZ;03/11/2026;1;\nPEC;31/02/2026;1;\nHELPDESK;04/11/2026;-3;telefono\nPEC;03/11/2026;2;sportello\n', 'utf8'),
  });
  await page.locator('.cst-csv-preview table').waitFor();
  await shootBoth('usage-csv-preview', { fullPage: true });

  await go('/training');
  await page.locator('#staff-list table').waitFor();
  await shootBoth('training-staff', { fullPage: true });
  await go('/training/courses');
  await page.locator('#course-list table').waitFor();
  await shootBoth('training-courses', { fullPage: true });
  await go('/training/participations');
  await page.locator('#participation-list table').waitFor();
  await page.getByRole('button', { name: 'Salva partecipazione' }).click();
  await page.locator('#part-new-person-error').waitFor();
  await shootBoth('training-participations-errors');
  await shootBoth('training-participations', { fullPage: true });
  await go('/training/totals');
  await page.locator('#totals-person table').waitFor();
  await shootBoth('training-totals', { fullPage: true });

  await go('/groups');
  await page.locator('#meeting-list').waitFor();
  await shootBoth('groups', { fullPage: true });

  await go('/proposals');
  await page.locator('table').waitFor();
  await shootBoth('proposals-list');
  await go('/proposals/new');
  await page.locator('#proposal-title').fill('Firma digitale remota per tutti i comuni');
  await page.locator('#proposal-yearly').fill('1.234,5x');
  await page.getByRole('button', { name: 'Salva bozza' }).click();
  await page.locator('#proposal-yearly-error').waitFor();
  await shootBoth('proposal-new-errors', { fullPage: true });
  await page.locator('#proposal-yearly').fill('1.234,56');
  await page.locator('#proposal-problem').fill('Ogni ufficio acquista da sé la firma remota, a prezzi diversi.');
  await page.locator('#proposal-solution').fill('Un contratto unico del consorzio per tutti i comuni aderenti.');
  await page.getByRole('combobox', { name: /Altri comuni/ }).pressSequentially('urba', { delay: 30 });
  await page.getByRole('option', { name: /Urbania/ }).click();
  await page.getByRole('button', { name: 'Salva bozza' }).click();
  await page.getByText(/Non ancora inviata/).waitFor();
  await page.locator('#proposal-attachments input[type="file"]').setInputFiles({ name: 'preventivo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n') });
  await page.locator('.cst-toast').first().waitFor();
  await shootBoth('proposal-draft', { fullPage: true });
  await page.getByRole('button', { name: 'Invia al Comitato tecnico' }).click();
  await page.locator('dialog[open]').waitFor();
  await shootOne('proposal-submit-confirm');
  await page.locator('dialog[open]').getByRole('button', { name: 'Invia al Comitato tecnico' }).click();
  await page.getByText(/il contenuto è bloccato/).waitFor();
  await shootBoth('proposal-submitted', { fullPage: true });
}

await browser.close();
writeFileSync(join(values.out, `${prefix}-console.txt`), problems.join('\n') + '\n');
console.log(`${counter * 2 + 1} screenshots in ${values.out}; console problems: ${problems.length}`);
for (const p of problems) console.log(p);
