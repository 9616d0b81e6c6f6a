import { describe, expect, it } from 'vitest';
import { builtBackendHost } from './built-backend-host';

/**
 * The bundled backend host (dist/electron/backend-host.cjs) prints a report's PDF by asking main:
 * `report.pdf` without `out` posts `{ print }` with the report's HTML and answers with the bytes
 * main sends back in `{ printed }` (played here by fixtures/host-driver.cjs), with no browser.
 */
const host = builtBackendHost('print-bundle');

describe('the bundled backend host prints through main', () => {
  it('asks main for the PDF of the plan and returns its bytes to the caller', async () => {
    const messages = [
      { init: { dataDir: host.dataDir(), appVersion: '9.9.9' } },
      { id: 1, method: 'setup.hub', input: { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Ufficio CST' } },
      { id: 2, method: 'plan.create', input: { year: 2027, date: '2026-11-26' } },
      { id: 3, method: 'report.pdf', input: { doc: 'plan', year: 2027 } },
      { shutdown: true },
    ];
    // A real browser may be installed here: the stub bytes prove main printed, not the fallback.
    const replies = await host.drive(messages, { everyMs: 150, env: { CST_BROWSER: '/nessun/browser' }, timeoutMs: 30_000 });
    for (const id of [1, 2]) expect(replies.find((r) => r.id === id)).toMatchObject({ result: { ok: true } });
    expect(replies).toContainEqual({ printRequested: { id: 1, title: 'Piano tecnico annuale 2027 — versione 1' } });
    const pdf = replies.find((r) => r.id === 3) as { result: { ok: boolean; value: { fileName: string; bytes: number; contentBase64: string } } };
    expect(pdf.result.ok).toBe(true);
    expect(pdf.result.value.fileName).toBe('piano-tecnico-2027.pdf');
    expect(Buffer.from(pdf.result.value.contentBase64, 'base64').toString('utf8')).toBe('%PDF-stub Piano tecnico annuale 2027 — versione 1');
  });
});
