import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MemberOverview, RegistryMember } from '../../shared/domain/hub-views';
import type { RecoveryStatus } from '../../shared/domain/recovery';
import { HUB, URBINO } from './fake-api';
import { createBundleFake, resetBundleStores, result, seriousViolations } from './bundles-fake';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

const NEEDED: RecoveryStatus = { needed: true, hub: { id: 'CST-PU', name: 'CST Pesaro-Urbino' }, ourLastSeq: 40, hubAckedSeq: 52, missing: 12 };

function openTown(apply: () => unknown) {
  let status = NEEDED;
  const api = createBundleFake(URBINO, {
    'recovery.status': () => status,
    'recovery.apply': () => {
      const out = apply();
      if (out && typeof out === 'object' && 'code' in out) return out as never;
      status = { ...NEEDED, needed: false, ourLastSeq: 52, missing: 0 };
      return out as never;
    },
  });
  window.history.replaceState(null, '', '/#/');
  return { ...renderApp(api), api };
}

const applied = {
  import: result({ file: 'recupero.cstb', sender: { kind: 'hub', id: 'CST-PU' }, range: { first: 1, last: 30 }, eventsApplied: 0, message: 'ok' }),
  recovered: { first: 41, last: 52 },
  records: { usage: 12 },
  missingAttachments: 0,
  message: 'Recuperati 12 eventi',
  status: { ...NEEDED, needed: false, ourLastSeq: 52, missing: 0 },
};

describe('recovery after a restore from an old backup', () => {
  it('the municipality Home shows a red banner that says what to do, and imports the recovery bundle', async () => {
    const { user, api } = openTown(() => applied);
    const banner = await screen.findByRole('region', { name: 'Mancano dati: importare il pacchetto di recupero del consorzio' }, { timeout: 5000 });
    expect(banner.className).toMatch(/alert-danger/);
    expect(banner.textContent).toMatch(/il consorzio \(CST Pesaro-Urbino\) ha già 12 registrazioni di questo Comune che qui mancano/);
    expect(banner.textContent).toMatch(/Telefonare al consorzio e chiedere il «pacchetto di recupero»/);
    expect(banner.textContent).toMatch(/Ultima registrazione presente qui: n\. 40 · presso il consorzio: n\. 52/);
    expect(await screen.findByText('Prima importare il pacchetto di recupero (riquadro rosso in alto).')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await user.upload(screen.getByLabelText('Importa il pacchetto di recupero'), new File(['recovery-bytes'], 'cst-CST-PU-recupero-041067.cstb'));
    await screen.findByText(/Recuperate 12 registrazioni \(dalla 41 alla 52\) dalla copia del consorzio/);
    expect(api.callsOf('recovery.apply')).toEqual([{ name: 'cst-CST-PU-recupero-041067.cstb', contentBase64: btoa('recovery-bytes') }]);
    expect(screen.queryByRole('region', { name: /Mancano dati/ })).toBeNull();
    expect(screen.queryByText('Prima importare il pacchetto di recupero (riquadro rosso in alto).')).toBeNull();
  });

  it('a refused recovery bundle is explained and the banner stays', async () => {
    const { user } = openTown(() => ({ code: 'E_FORK', message: 'I dati di questa installazione sono diversi…' }));
    await screen.findByRole('region', { name: /Mancano dati/ });
    await user.upload(screen.getByLabelText('Importa il pacchetto di recupero'), new File(['x'], 'sbagliato.cstb'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/contrasto|Contattare il consorzio/);
    expect(screen.getByRole('region', { name: /Mancano dati/ })).toBeTruthy();
  });

  it('no banner when nothing is missing', async () => {
    const api = createBundleFake(URBINO, { 'recovery.status': () => ({ ...NEEDED, needed: false, missing: 0, ourLastSeq: 52 }) });
    window.history.replaceState(null, '', '/#/');
    renderApp(api);
    await screen.findByRole('heading', { level: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(api.callsOf('recovery.status')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: /Mancano dati/ })).toBeNull();
  });

  it('the hub downloads a member’s recovery bundle from the member page', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = (b: Blob) => {
      created.push(b);
      return 'blob:x';
    };
    URL.revokeObjectURL = () => undefined;
    const urbino: RegistryMember = { istat: '041067', name: 'Urbino', province: 'PU', population: 14950, populationYear: 2021, status: 'confirmed', membership: 'active', memberSince: null };
    const ov: MemberOverview = { istat: '041067', name: 'Urbino', province: 'PU', membership: 'active', status: 'confirmed', lastBundleAt: '2026-11-25T10:00:00.000Z', lastSeq: 52, lastEventAt: null, daysSinceLastSync: 1, stale: false, waitingBundles: 0, eventsWaiting: 0, ackedHubSeq: null };
    const api = createBundleFake(HUB, {
      'members.list': () => [urbino],
      'hub.members.overview': () => ({ staleDays: 30, at: '2026-11-26T10:00:00.000Z', members: [ov] }),
      'recovery.export': (input) => ({ fileName: `cst-CST-PU-recupero-${input.for}.cstb`, path: '', contentBase64: 'AAEC', member: input.for, copiedEvents: 52, bytes: 3, sha256: 'c'.repeat(64) }),
    });
    window.history.replaceState(null, '', '/#/members/041067');
    const { user } = renderApp(api);
    await screen.findByRole('heading', { name: 'Pacchetto di recupero' });
    expect(screen.getByText(/copia firmata delle 52 registrazioni di Urbino ricevute qui/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Scarica il pacchetto di recupero' }));
    await screen.findByText('Pacchetto di recupero salvato: cst-CST-PU-recupero-041067.cstb. Inviarlo a Urbino (chiavetta USB o posta elettronica).');
    expect(api.callsOf('recovery.export')).toEqual([{ for: '041067' }]);
    expect(created).toHaveLength(1);
    expect(await seriousViolations()).toEqual([]);
  });
});
