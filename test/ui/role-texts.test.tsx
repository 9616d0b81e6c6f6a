import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { resetBundleStores } from './bundle-stores';
import { openUiBackend, pair } from './real-backend';
import { renderApp } from './render-app';

/**
 * Words that fit the role of the workstation (issue 13, item 9): the hub sends its identity to
 * the members, evaluates proposals instead of writing them, counts its members' identities the
 * way its members' list shows them; a new municipality is told what to do before it can send.
 */
afterEach(resetBundleStores);

async function hubAt(path: string) {
  const api = await openUiBackend({ as: 'hub' });
  const urbino = await openUiBackend({ as: 'municipality' });
  await pair(api, urbino);
  window.history.replaceState(null, '', path);
  return api;
}

describe('texts that fit the hub', () => {
  it('the Home counts members by identity state exactly as the members list does', async () => {
    const api = await hubAt('/#/');
    const overview = await api.must('hub.members.overview', {});
    const count = (s: string) => overview.members.filter((m) => m.status === s).length;
    // Urbino paired (confirmed); the others sent nothing: none of them has a fingerprint to confirm.
    expect(count('confirmed')).toBe(1);
    expect(count('pending')).toBe(0);
    expect(count('none')).toBeGreaterThan(1);
    renderApp(api);
    const card = await screen.findByRole('region', { name: 'Comuni aderenti' });
    const lines = (await within(card).findAllByRole('listitem')).map((li) => li.textContent);
    expect(lines).toEqual(['Identità confermata: 1', 'Impronta da confermare: 0', `Identità non ancora ricevuta: ${count('none')}`]);
    expect(card.textContent).not.toMatch(/in attesa di conferma dell’impronta/i);
  });

  it('the Home describes Proposte in the hub’s words', async () => {
    const api = await hubAt('/#/');
    renderApp(api);
    const next = await screen.findByRole('region', { name: 'Cosa si può fare' });
    const proposals = within(next).getByRole('link', { name: 'Proposte' });
    const text = document.getElementById(proposals.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(text).toMatch(/ricevute dai comuni aderenti/);
    expect(text).not.toMatch(/Preparare, inviare/);
  });

  it('Settings says the hub’s identity file goes to the members, not to the consortium', async () => {
    const api = await hubAt('/#/settings');
    renderApp(api);
    const identity = await screen.findByRole('region', { name: 'Identità di questa postazione' });
    await within(identity).findByRole('button', { name: 'Esporta file di identità (.cstid)' });
    expect(identity.textContent).toMatch(/si può inviare ai comuni aderenti senza rischi/);
    expect(identity.textContent).not.toMatch(/al consorzio/);
  });
});

describe('texts that fit a new municipality', () => {
  it('before the consortium is known, the Home says what to do first, not "all sent"', async () => {
    const api = await openUiBackend({ as: 'municipality' });
    window.history.replaceState(null, '', '/#/');
    renderApp(api);
    const card = await screen.findByRole('region', { name: 'Invio al consorzio' });
    expect(await within(card).findByText('Il consorzio non è ancora collegato a questa postazione.')).toBeTruthy();
    expect(card.textContent).toMatch(/Per prima cosa importare il file di identità del consorzio \(\.cstid\)/);
    expect(card.textContent).not.toMatch(/già stati inviati/);
    expect(within(card).getByRole('link', { name: 'Vai a «Invii › Identità»' }).getAttribute('href')).toBe('#/bundles/identities');
  });

  it('once the consortium is confirmed, the Home counts what is left to send', async () => {
    const hub = await openUiBackend({ as: 'hub' });
    const api = await openUiBackend({ as: 'municipality' });
    await pair(hub, api);
    window.history.replaceState(null, '', '/#/');
    renderApp(api);
    const card = await screen.findByRole('region', { name: 'Invio al consorzio' });
    expect(await within(card).findByText(/non ancora inviat|già stati inviati/)).toBeTruthy();
    expect(card.textContent).not.toMatch(/non è ancora collegato/);
  });
});
