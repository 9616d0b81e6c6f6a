import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePlanStore } from '../../renderer/src/features/plan/store';
import { hubWithPlan } from './gov-real';
import type { UiBackend } from './real-backend';
import { renderApp } from './render-app';

/**
 * The plan's item form and the vote form keep their errors as catalogue references, beside
 * their fields (aria-describedby, focus on the first), in the page's language even after a
 * switch, and put the backend's refusal of a field beside that field.
 */

async function openItem(api: UiBackend) {
  usePlanStore.getState().reset();
  window.location.hash = '#/plan';
  const app = renderApp(api);
  const table = await screen.findByRole('table', { name: 'Voci del piano' }, { timeout: 5000 });
  await app.user.click(within(table).getByRole('button', { name: 'Modifica Posta elettronica certificata' }));
  const dialog = await screen.findByRole('dialog', { name: 'Modifica la voce' });
  return { ...app, dialog };
}

function describedBy(control: HTMLElement): string[] {
  return control.getAttribute('aria-describedby')?.split(' ') ?? [];
}

describe('plan item form: field messages', () => {
  it('puts each error beside its field, focuses the first, and words them again after a language switch', async () => {
    const api = await hubWithPlan('draft');
    const { user, dialog, i18n } = await openItem(api);
    const code = within(dialog).getByRole('textbox', { name: /Codice/ });
    const fixed = within(dialog).getByRole('textbox', { name: /Costo fisso/ });
    const equal = within(dialog).getByRole('textbox', { name: 'Parti uguali' });
    await user.clear(code);
    await user.clear(fixed);
    await user.type(fixed, '12,345');
    await user.clear(equal);
    await user.type(equal, '30');
    await user.click(within(dialog).getByRole('button', { name: 'Salva la voce' }));

    const codeError = within(dialog).getByText('Questo campo è obbligatorio.');
    expect(describedBy(code)).toContain(codeError.id);
    expect(code.getAttribute('aria-invalid')).toBe('true');
    const euroError = within(dialog).getByText('Scrivere un importo in euro, per esempio 1.234,56.');
    expect(describedBy(fixed)).toContain(euroError.id);
    expect(within(dialog).getByText('Le percentuali sommano a 80: devono sommare esattamente a 100.')).toBeTruthy();
    expect(document.activeElement).toBe(code);
    expect(api.callsOf('plan.saveItems')).toHaveLength(0);

    // The messages are references, not sentences frozen at the time of the check.
    await act(() => i18n.changeLanguage('en'));
    expect(within(dialog).getByText('This field is required.')).toBeTruthy();
    expect(within(dialog).getByText('Type an amount in euros, e.g. 1.234,56.')).toBeTruthy();
    expect(within(dialog).getByText('The percentages add up to 80: they must add up to exactly 100.')).toBeTruthy();
  });

  it('puts the backend’s refusal of a field beside that field (the key’s usage share)', async () => {
    // An item not linked to a catalogue service: the core cannot measure its usage.
    const api = await hubWithPlan('draft', { item: { service: null } });
    const { user, dialog, i18n } = await openItem(api);
    const equal = within(dialog).getByRole('textbox', { name: 'Parti uguali' });
    await user.clear(equal);
    await user.type(equal, '30');
    const usage = within(dialog).getByRole('textbox', { name: 'Utilizzo' });
    await user.clear(usage);
    await user.type(usage, '20');
    await user.click(within(dialog).getByRole('button', { name: 'Salva la voce' }));
    const error = await within(dialog).findByText(/^Voce PEC: la chiave di riparto usa l.utilizzo, ma la voce non è legata a un servizio del catalogo/);
    expect(describedBy(usage)).toContain(error.id);
    expect(document.activeElement).toBe(usage);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(api.callsOf('plan.saveItems')).toHaveLength(1);
    await act(() => i18n.changeLanguage('en'));
    expect(within(dialog).getByText('Item PEC: the cost-sharing key uses usage, but the item is not linked to a catalogue service whose usage could be measured.')).toBeTruthy();
  });

  it('shows a refusal about another item above the buttons', async () => {
    // The Wi-Fi item exempts Sant'Angelo in Vado, which has since left the registry: saving the
    // plan is refused for that item, not for the one in the form.
    const wifi = { code: 'WIFI', description: 'Wi-Fi pubblico', category: 'service' as const, service: null, fixedCents: 50_000, unitCents: 0, quantityMilli: 0, oneOffCents: 0, key: { equal: 100, population: 0, usage: 0 }, usageBasis: 'last_year' as const, exempt: ['041057'], reference: null };
    const api = await hubWithPlan('draft', { more: [wifi] });
    await api.must('members.remove', { istat: '041057' });
    const { user, dialog } = await openItem(api);
    await user.click(within(dialog).getByRole('button', { name: 'Salva la voce' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Voce WIFI: il comune esente 041057 non è un membro del consorzio.');
    expect(within(dialog).getByRole('textbox', { name: /Codice/ }).getAttribute('aria-invalid')).toBeNull();
  });
});

describe('vote form: field messages', () => {
  async function openVote(api: UiBackend) {
    usePlanStore.getState().reset();
    window.location.hash = '#/plan/approvals';
    const app = renderApp(api);
    await screen.findByRole('heading', { name: 'Votazione: Assemblea' });
    return app;
  }

  it('focuses the missing minutes reference, described by its error, in the page’s language', async () => {
    const api = await hubWithPlan('submitted_to_assembly');
    const { user, i18n } = await openVote(api);
    await user.click(screen.getByRole('button', { name: 'Registra la votazione (Assemblea)' }));
    const minutes = screen.getByRole('textbox', { name: /Riferimento del verbale/ });
    const error = screen.getByText('Indicare il riferimento del verbale.');
    expect(describedBy(minutes)).toContain(error.id);
    expect(document.activeElement).toBe(minutes);
    expect(api.callsOf('plan.approve')).toHaveLength(0);
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByText('Give the minutes reference.')).toBeTruthy();
  });

  it('puts the backend’s refusal of the date beside the date', async () => {
    const api = await hubWithPlan('submitted_to_assembly');
    // Overridden: the core refuses no vote's date with field «date» (a date before the plan's last
    // step is refused without a field), so the form's placing of such a refusal is shown this way.
    api.override('plan.approve', () => ({
      ok: false,
      error: { code: 'E_VALIDATION', message: 'Campo «date»: La data della seduta non può essere nel futuro.', field: 'date', params: { issue: 'La data della seduta non può essere nel futuro.' } },
    }));
    const { user } = await openVote(api);
    await user.type(screen.getByRole('textbox', { name: /Riferimento del verbale/ }), 'Verbale n. 3');
    await user.click(screen.getByRole('button', { name: 'Registra la votazione (Assemblea)' }));
    const error = await screen.findByText('La data della seduta non può essere nel futuro.');
    const date = screen.getByLabelText(/Data della seduta/);
    expect(describedBy(date)).toContain(error.id);
    expect(document.activeElement).toBe(date);
    expect(api.callsOf('plan.approve')).toHaveLength(1);
  });
});

describe('plan items: a refused removal', () => {
  it('is said above the table (no item form is open to show it)', async () => {
    const api = await hubWithPlan('draft');
    usePlanStore.getState().reset();
    window.location.hash = '#/plan';
    const { user, i18n } = renderApp(api);
    const table = await screen.findByRole('table', { name: 'Voci del piano' }, { timeout: 5000 });
    // Meanwhile another window proposes the draft to the Executive Committee: it is no longer editable.
    await api.must('plan.step', { year: 2027, version: 1, step: 'propose', date: '2026-11-26', by: 'Comitato esecutivo' });
    await user.click(within(table).getByRole('button', { name: 'Togli Posta elettronica certificata' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/La versione 1 del piano 2027/);
    await act(() => i18n.changeLanguage('en'));
    // The rule's own sentence from the shared catalogue, with its figures (not a generic one).
    expect(screen.getByRole('alert').textContent).toBe(
      'Version 1 of the 2027 plan is proposed by the Executive Committee: to change it, create a new version (it goes back to draft and through every approval again).',
    );
  });
});
