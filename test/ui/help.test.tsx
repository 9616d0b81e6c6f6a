/**
 * Help at hand (issue 13, item 14): the guide from every screen (header link, menu), before the
 * setup too; glossary links that open the word's entry; the news of what arrived on the home page
 * and as a badge in the menu, cleared once seen. Over the real core; axe on the guide.
 */
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { hubWithProposal } from './gov-real';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

async function violations(): Promise<string[]> {
  await waitFor(() => expect(document.title).not.toBe(''));
  const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the guide', () => {
  it('opens from the header on any page with the municipality’s first steps and the glossary; axe clean in both languages', async () => {
    window.history.replaceState(null, '', '/#/usage');
    const { user, i18n } = renderApp(await openUiBackend({ as: 'municipality' }));
    await screen.findByRole('heading', { level: 1, name: 'Utilizzo dei servizi' });
    const banner = screen.getByRole('banner');
    await user.click(within(banner).getByRole('link', { name: 'Guida' }));
    await screen.findByRole('heading', { level: 1, name: 'Guida' });
    const steps = screen.getByRole('region', { name: 'Primi passi in un Comune' });
    expect(within(steps).getByText(/importare il file di identità \(\.cstid\) ricevuto dal consorzio/)).toBeTruthy();
    expect(within(steps).getByText(/leggere insieme l’impronta: solo se le 30 cifre coincidono, confermarla/)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Primi passi nell’ufficio del consorzio' })).toBeNull();
    const glossary = screen.getByRole('region', { name: 'Glossario' });
    for (const term of ['Impronta', 'Pacchetto', 'Hub', 'Chiave', 'Firma', 'Cifratura', 'Membro', 'Piano tecnico', 'Quota']) {
      expect(within(glossary).getByText(term, { selector: 'dt' })).toBeTruthy();
    }
    expect(screen.getByRole('link', { name: 'Apri «Dati eliminati»' }).getAttribute('href')).toBe('#/deleted');
    // The menu has it too, marked as the current page.
    expect(within(screen.getByRole('navigation', { name: 'Menu principale' })).getByRole('link', { name: 'Guida' }).getAttribute('aria-current')).toBe('page');
    expect(await violations()).toEqual([]);

    await i18n.changeLanguage('en');
    await screen.findByRole('heading', { level: 1, name: 'Guide' });
    expect(screen.getByRole('region', { name: 'First steps in a municipality' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Glossary' })).getByText('Fingerprint', { selector: 'dt' })).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('answers before the setup, with both roles’ first steps, and goes back to the setup', async () => {
    window.history.replaceState(null, '', '/#/');
    const { user } = renderApp(await openUiBackend());
    await screen.findByRole('button', { name: /^In un Comune/ });
    await user.click(within(screen.getByRole('banner')).getByRole('link', { name: 'Guida' }));
    await screen.findByRole('heading', { level: 1, name: 'Guida' });
    expect(screen.getByRole('region', { name: 'Prima di iniziare' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Primi passi in un Comune' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Primi passi nell’ufficio del consorzio' })).toBeTruthy();
    expect(await violations()).toEqual([]);
    await user.click(screen.getByRole('link', { name: 'Torna alla configurazione' }));
    expect(await screen.findByRole('button', { name: /^In un Comune/ })).toBeTruthy();
  });

  it('a glossary link opens the guide on its word, focused', async () => {
    window.history.replaceState(null, '', '/#/settings');
    const { user } = renderApp(await openUiBackend({ as: 'municipality' }));
    await user.click(await screen.findByRole('link', { name: 'Glossario: File di identità (.cstid)' }));
    await screen.findByRole('heading', { level: 1, name: 'Guida' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('File di identità (.cstid)'));
  });
});

describe('news of what arrived', () => {
  it('the hub’s home says a proposal and a file arrived, the menu shows badges; cleared once seen', async () => {
    const { hub } = await hubWithProposal();
    window.history.replaceState(null, '', '/#/');
    const { user } = renderApp(hub);
    const news = await screen.findByRole('region', { name: 'Novità' });
    expect(within(news).getByText(/È stato importato 1 pacchetto di un Comune\./)).toBeTruthy();
    expect(within(news).getByText(/È arrivata 1 proposta da valutare\./)).toBeTruthy();
    const menu = screen.getByRole('navigation', { name: 'Menu principale' });
    expect(within(menu).getByRole('link', { name: 'Proposte 1 novità' })).toBeTruthy();
    expect(within(menu).getByRole('link', { name: 'Importazioni 1 novità' })).toBeTruthy();

    // Opening the imports is seeing the files; the proposal stays news until looked at.
    await user.click(within(menu).getByRole('link', { name: 'Importazioni 1 novità' }));
    await waitFor(() => expect(within(menu).getByRole('link', { name: 'Importazioni' })).toBeTruthy());
    expect(within(menu).getByRole('link', { name: 'Proposte 1 novità' })).toBeTruthy();

    await user.click(within(menu).getByRole('link', { name: 'Home' }));
    const left = await screen.findByRole('region', { name: 'Novità' });
    expect(within(left).queryByText(/pacchett/)).toBeNull();
    await user.click(within(left).getByRole('button', { name: 'Segna come già viste' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Novità' })).toBeNull());
    expect(within(menu).getByRole('link', { name: 'Proposte' })).toBeTruthy();
    expect(await hub.must('notices.get', {})).toEqual({ bundles: 0, proposals: 0 });
  });
});
