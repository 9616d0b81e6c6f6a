/**
 * Figures a person reads (issue 13, item 10), on the real core: a fingerprint typed with dashes,
 * the plan's last approval shown as done, a member's last change as a date, a draft without
 * "version 0".
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { hubWithPlan, sendTo } from './gov-real';
import { bundleAsFile, openUiBackend, pair } from './real-backend';
import { renderApp } from './render-app';

describe('figures a person reads', () => {
  it('a fingerprint read in groups and typed with dashes is accepted, by the screen and by the core', async () => {
    const hub = await openUiBackend({ as: 'hub' });
    const file = await hub.must('identity.export', {});
    const { fingerprint } = await hub.must('identity.show', {});
    const api = await openUiBackend({ as: 'municipality' });
    window.history.replaceState(null, '', '/#/bundles/identities');
    const { user } = renderApp(api);
    await user.upload(await screen.findByLabelText('Scegli il file .cstid'), bundleAsFile({ name: 'CST-PU.cstid', contentBase64: file.contentBase64 }));
    const box = await screen.findByRole('region', { name: /^Conferma dell’impronta di CST Pesaro-Urbino/ });
    const field = within(box).getByRole('textbox', { name: /Cifre lette al telefono/ });
    expect(document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe('30 cifre; spazi e trattini fra i gruppi non contano.');
    await user.type(field, 'abc');
    await user.click(within(box).getByRole('button', { name: 'Conferma' }));
    expect(document.getElementById(`${field.id}-error`)?.textContent).toBe('Scrivere solo cifre (spazi e trattini fra i gruppi sono ammessi).');
    await user.clear(field);
    const dashed = fingerprint.split(' ').join('-');
    await user.type(field, dashed);
    await user.click(within(box).getByRole('button', { name: 'Conferma' }));
    await screen.findByText('Impronta confermata: ora i file di CST Pesaro-Urbino vengono letti.');
    expect(api.callsOf('identity.confirm')).toEqual([{ id: 'CST-PU', fingerprint: dashed }]);
  });

  it('the plan approved by the Assembly shows every step done, none “passo attuale”', async () => {
    const hub = await hubWithPlan('approved_by_assembly');
    window.location.hash = '#/plan';
    renderApp(hub);
    const stepper = await screen.findByRole('list', { name: /approvazione/i }, { timeout: 5000 });
    const steps = within(stepper).getAllByRole('listitem');
    expect(steps.map((s) => s.querySelector('.visually-hidden')?.textContent)).toEqual(Array(5).fill(' (fatto)'));
    expect(stepper.querySelector('[aria-current]')).toBeNull();
  });

  it('Membri: a member’s last change is a date and time, not a sequence number', async () => {
    const hub = await openUiBackend({ as: 'hub' });
    const urbino = await openUiBackend({ as: 'municipality' });
    await pair(hub, urbino);
    await urbino.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    await sendTo(hub, urbino);
    window.history.replaceState(null, '', '/#/members');
    renderApp(hub);
    const table = await screen.findByRole('table', { name: 'Elenco dei comuni aderenti' });
    const header = within(table).getByRole('columnheader', { name: 'Ultima modifica del comune' });
    const column = [...header.parentElement!.children].indexOf(header);
    const row = within(table).getByRole('row', { name: /Urbino/ });
    expect(row.children[column]?.textContent).toMatch(/^\d\d\/\d\d\/\d{4},? \d\d:\d\d$/);
  });

  it('Proposte: a draft is a draft, not “version 0”', async () => {
    const town = await openUiBackend({ as: 'municipality' });
    await town.must('proposals.create', { title: 'Firma digitale remota' });
    window.history.replaceState(null, '', '/#/proposals');
    renderApp(town);
    const table = await screen.findByRole('table', { name: 'Proposte del Comune' });
    const row = within(table).getByRole('row', { name: /Firma digitale remota/ });
    expect(within(row).getByText('Bozza')).toBeTruthy();
    expect(within(row).queryByText('0')).toBeNull();
  });
});
