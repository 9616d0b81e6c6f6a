/**
 * Condivisione on the screens, with the real core and real bundles: Pesaro sees Urbino's
 * proposal under "Proposte degli altri comuni", joins it with a note and withdraws; Urbino's
 * proposal shows Pesaro by name; the hub's evaluation lists Pesaro and says it beside the
 * criterion on members benefiting. axe stays clean.
 */
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { hubWithProposal, sendTo } from './gov-real';
import { openUiBackend, pair, type UiBackend } from './real-backend';
import { renderApp } from './render-app';

async function serious(): Promise<string[]> {
  const r = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The hub's bundle for one member, imported there. */
async function hubTo(hub: UiBackend, town: UiBackend, istat: string): Promise<void> {
  const [made] = await hub.must('bundle.export', { inline: true, for: istat });
  const [r] = await town.must('bundle.import', { files: [{ name: made!.fileName, contentBase64: made!.contentBase64 ?? '' }] });
  if (r?.code) throw new Error(r.message);
}

async function pesaroSeesUrbino() {
  const { hub, town: urbino, id } = await hubWithProposal({ evaluating: true });
  const pesaro = await openUiBackend();
  await pesaro.must('setup.municipality', { istat: '041044', operator: 'Anna Verdi' });
  await pair(hub, pesaro);
  await hubTo(hub, pesaro, '041044');
  return { hub, urbino, pesaro, id };
}

describe('members joining each other proposals', () => {
  it('Pesaro joins Urbino’s proposal with a note, then withdraws the join', async () => {
    const { pesaro } = await pesaroSeesUrbino();
    window.location.hash = '#/proposals';
    const { user } = renderApp(pesaro);
    await user.click(await screen.findByRole('link', { name: 'Proposte degli altri comuni' }, { timeout: 5000 }));
    await screen.findByRole('heading', { level: 1, name: 'Proposte degli altri comuni' });
    const card = await screen.findByRole('region', { name: 'Wi-Fi pubblico nelle frazioni' });
    expect(within(card).getByText(/Proposta del Comune di Urbino, versione 1, inviata il 26\/11\/2026\./)).toBeTruthy();
    expect(within(card).getByText('Aperta alle adesioni')).toBeTruthy();
    expect(within(card).getByText('Nessun comune ha ancora aderito.')).toBeTruthy();
    await user.click(within(card).getByText('Contenuto della proposta'));
    expect(within(card).getByText('Punti di accesso nelle piazze.')).toBeTruthy();
    expect(await serious()).toEqual([]);

    await user.type(within(card).getByRole('textbox', { name: /^Nota per il comune proponente/ }), 'Anche le nostre frazioni sono senza rete.');
    await user.click(within(card).getByRole('button', { name: 'Aderisci' }));
    expect(await screen.findByText('Adesione registrata: parte con il prossimo invio al consorzio.')).toBeTruthy();
    expect(pesaro.callsOf('joins.join')).toEqual([expect.objectContaining({ note: 'Anche le nostre frazioni sono senza rete.' })]);
    const after = await screen.findByRole('region', { name: 'Wi-Fi pubblico nelle frazioni' });
    await within(after).findByText('Il Comune ha aderito');
    expect(within(after).getByText(/Il Comune ha aderito il 26\/11\/2026\. Il consorzio non l’ha ancora ricevuto/)).toBeTruthy();

    await user.click(within(after).getByRole('button', { name: 'Ritira l’adesione' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ritirare l’adesione?' });
    await user.click(within(dialog).getByRole('button', { name: 'Ritira l’adesione' }));
    expect(await screen.findByText('Adesione ritirata: il ritiro parte con il prossimo invio al consorzio.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/l’adesione è stata ritirata il 26\/11\/2026/)).toBeTruthy());
    expect(screen.getByRole('button', { name: 'Aderisci' })).toBeTruthy();
  });

  it('the proposer sees Pesaro by name; the hub sees it in the evaluation, beside the criterion on members benefiting', async () => {
    const { hub, urbino, pesaro, id } = await pesaroSeesUrbino();
    const [shared] = await pesaro.must('joins.list', {});
    await pesaro.must('joins.join', { id: shared!.id, note: 'Anche le nostre frazioni sono senza rete.' });
    await sendTo(hub, pesaro);
    await hubTo(hub, urbino, '041067');

    window.location.hash = `#/proposals/${id}`;
    const first = renderApp(urbino);
    const card = await screen.findByRole('region', { name: 'Comuni che hanno aderito' }, { timeout: 5000 });
    await within(card).findByText('Pesaro');
    expect(within(card).getByText('1 comune ha aderito')).toBeTruthy();
    expect(within(card).getByText('Anche le nostre frazioni sono senza rete.')).toBeTruthy();
    expect(within(card).queryByText('041044')).toBeNull();
    first.unmount();

    window.location.hash = `#/proposals/${id}`;
    renderApp(hub);
    const evaluation = await screen.findByRole('region', { name: 'Comuni che hanno aderito' }, { timeout: 5000 });
    expect(within(evaluation).getByText('Pesaro')).toBeTruthy();
    const score = screen.getByRole('textbox', { name: 'Numero di membri che ne beneficiano (peso 20%)' });
    const hint = document.getElementById(score.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent;
    expect(hint).toBe('Numero intero da 0 a 10. Comuni indicati come beneficiari: 0; comuni che hanno aderito: 1.');
    expect(await serious()).toEqual([]);
  });
});
