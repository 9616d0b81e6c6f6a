import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/core/app/backend';
import { fixedClock, sequentialIds } from '../../electron/core/platform/defaults';
import type { Input, MethodName, Output } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';
import { tempDir } from '../helpers/temp-dir';
import { openPage, screenshots, startShell, useChromium } from './harness';

/**
 * Issue 4 in Chromium on two real browser shells: the clerk's "Invia al consorzio" arrives as a
 * download (no folder of the server's involved) and the hub imports that file; then a file from
 * the same municipality restored from an old backup is refused as a fork, and the hub's
 * operator looks at both versions and accepts the municipality's after a dialog that says what
 * happens. Screenshots (Italian, 1366×768) go to CST_SHOTS_DIR when set.
 */
const SHOTS = process.env.CST_SHOTS_DIR ?? null;

const browser = useChromium();

const shoot = screenshots(SHOTS, { english: false });

function backendAt(dataDir: string, seed: number, start: string): Backend {
  return openBackend({ dataDir, appVersion: '0.0.0-test', clock: fixedClock(start), ids: sequentialIds(seed), log: { info() {}, warn() {}, error() {} } });
}

async function must<M extends MethodName>(b: Backend, method: M, input: Input<M>): Promise<Output<M>> {
  const r = (await b.dispatch(method, input as never)) as Result<Output<M>>;
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function introduce(a: Backend, b: Backend): Promise<void> {
  const file = await must(a, 'identity.export', {});
  const peer = await must(b, 'identity.import', { contentBase64: file.contentBase64 });
  await must(b, 'identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
}

/**
 * Urbino and CST-PU that know each other; Urbino records three entries, is backed up, records
 * two more. The backup, restored elsewhere, records two different entries and writes the file
 * that will fork at the hub.
 */
async function prepare(): Promise<{ townDir: string; hubDir: string; forked: string }> {
  const townDir = tempDir();
  const hubDir = tempDir();
  const restoredDir = tempDir();
  const town = backendAt(townDir, 21, '2026-11-20T08:00:00.000Z');
  const hub = backendAt(hubDir, 22, '2026-11-20T08:00:00.000Z');
  await must(town, 'setup.municipality', { istat: '041067', operator: 'Maria Rossi' });
  await must(hub, 'setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Luca Bianchi' });
  await introduce(town, hub);
  await introduce(hub, town);
  hub.close();
  for (const d of ['05', '06', '07']) await must(town, 'usage.record', { service: 'PROTOCOLLO', date: `2026-11-${d}`, quantity: '40' });
  mkdirSync(join(restoredDir, 'keys'), { recursive: true });
  copyFileSync(join(townDir, 'keys', 'secret.json'), join(restoredDir, 'keys', 'secret.json'));
  town.ctx.db.exec(`VACUUM INTO '${join(restoredDir, 'cst-desk.sqlite').replace(/'/g, "''")}'`);
  for (const d of ['10', '11']) await must(town, 'usage.record', { service: 'PROTOCOLLO', date: `2026-11-${d}`, quantity: '12' });
  town.close();
  const restored = backendAt(restoredDir, 23, '2026-11-24T08:00:00.000Z');
  for (const d of ['12', '13']) await must(restored, 'usage.record', { service: 'PROTOCOLLO', date: `2026-11-${d}`, quantity: '7' });
  const [file] = await must(restored, 'bundle.export', { dir: tempDir() });
  restored.close();
  return { townDir, hubDir, forked: file!.path };
}

describe('bundle download and fork resolution in Chromium', () => {
  it('the clerk downloads the bundle, the hub imports it; a fork is shown and accepted', async () => {
    const { townDir, hubDir, forked } = await prepare();
    const mun = await startShell(townDir);
    const hub = await startShell(hubDir);
    try {
      const m = await openPage(browser(), mun.url);
      const h = await openPage(browser(), hub.url);
      const mp = m.page;
      const hp = h.page;

      // The clerk sends: by default the file is downloaded by the browser.
      await mp.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Invii', exact: true }).click();
      await mp.getByText(/registrazion[ei] che il consorzio non ha ancora ricevuto/).waitFor();
      await shoot(mp, 'mun-send-save');
      const [download] = await Promise.all([mp.waitForEvent('download'), mp.getByRole('button', { name: 'Prepara il file per il consorzio' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^cst-041067-per-CST-PU-1-\d+\.cstb$/);
      const sent = join(tempDir(), download.suggestedFilename());
      await download.saveAs(sent);
      expect(readFileSync(sent).subarray(0, 21).toString('latin1')).toBe('age-encryption.org/v1');
      await mp.getByText(/è stato scaricato/).waitFor();
      await shoot(mp, 'mun-sent-downloaded');

      // The hub imports the downloaded file, then the backup's file: a conflict.
      await hp.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Importazioni', exact: true }).click();
      await hp.getByLabel('Scegli i file da importare').setInputFiles([sent]);
      await hp.getByText('1 file: 1 letto, 0 in attesa, 0 rifiutati.').waitFor();
      await hp.getByLabel('Scegli i file da importare').setInputFiles([forked]);
      await hp.getByText('1 file: 0 letti, 0 in attesa, 1 rifiutato.').waitFor();
      expect(await hp.locator('.cst-result-title').first().innerText()).toMatch(/^Rifiutato: /);

      await hp.getByRole('link', { name: 'Dati in conflitto (1)' }).click();
      const card = hp.getByRole('region', { name: /^Urbino \(041067\): dati diversi dalla registrazione n\. \d+$/ });
      await card.waitFor();
      await card.getByRole('region', { name: 'Versione già registrata qui' }).getByText('Utilizzo di un servizio').waitFor();
      await card.getByRole('region', { name: 'Versione nel file ricevuto' }).getByText('Utilizzo di un servizio').waitFor();
      await shoot(hp, 'hub-fork-open');
      await card.getByRole('button', { name: 'Accetta la versione del comune' }).click();
      const dialog = hp.getByRole('dialog', { name: 'Accettare la versione di Urbino?' });
      await dialog.getByText(/vengono cancellate e sostituite da quelle del file/).waitFor();
      await dialog.getByRole('textbox', { name: /Motivo della decisione/ }).fill('Il comune ha ripristinato il backup del 7 novembre: confermato al telefono.');
      await shoot(hp, 'hub-fork-dialog');
      await dialog.getByRole('button', { name: 'Accetta la versione del comune' }).click();
      await hp.getByText(/^Versione di Urbino accettata: registrazioni lette: 2; sostituite: 2\.$/).waitFor();
      await hp.getByRole('heading', { name: 'Decisioni prese' }).waitFor();
      await hp.getByText(/da Luca Bianchi \(registrazioni sostituite: 2; registrate: 2\)/).waitFor();
      await hp.getByRole('link', { name: 'Dati in conflitto (0)' }).waitFor();
      await shoot(hp, 'hub-fork-decided');

      expect(m.problems).toEqual([]);
      expect(h.problems).toEqual([]);
      await mp.context().close();
      await hp.context().close();
    } finally {
      await mun.stop();
      await hub.stop();
    }
  });
});
