import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/api/errors';
import type { MethodName } from '../../shared/api/contract';
import { usePlanStore } from '../../renderer/src/features/plan/store';
import { HUB, type FakeBackend } from './fake-api';
import { createGovApi, planView } from './gov-fake';
import { renderApp } from './render-app';

/**
 * The plan's item form and the vote form keep their errors as catalogue references, beside
 * their fields (aria-describedby, focus on the first), in the page's language even after a
 * switch, and put the backend's refusal of a field beside that field.
 */

function planApi(state: Parameters<typeof planView>[0]) {
  const plan = planView(state);
  return createGovApi(HUB, {
    'plan.list': () => [{ year: 2027, version: 1, state: plan.state, totalCents: plan.totalCents }],
    'plan.get': () => plan,
    'plan.allocate': () => ({ year: 2027, items: [] }),
  });
}

/** The backend refuses `method` with `error` (the call is still recorded). */
function refusing(api: FakeBackend, method: MethodName, error: ApiError): FakeBackend {
  const call = api.call.bind(api);
  api.call = ((m: MethodName, input: unknown) => {
    if (m !== method) return call(m as never, input as never);
    api.calls.push({ method: m, input });
    return Promise.resolve({ ok: false, error });
  }) as typeof api.call;
  return api;
}

async function openItem(api: FakeBackend) {
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
    const api = planApi('draft');
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
    const sentence = 'Voce PEC: la chiave di riparto usa l’utilizzo, ma la voce non è legata a un servizio del catalogo di cui misurare l’utilizzo.';
    const api = refusing(planApi('draft'), 'plan.saveItems', {
      code: 'E_VALIDATION',
      message: sentence,
      field: 'items.key.usage',
      params: { rule: 'ITEM_USAGE_WITHOUT_SERVICE', item: 'PEC', issue: sentence },
    });
    const { user, dialog, i18n } = await openItem(api);
    await user.click(within(dialog).getByRole('button', { name: 'Salva la voce' }));
    const usage = within(dialog).getByRole('textbox', { name: 'Utilizzo' });
    const error = await within(dialog).findByText(sentence);
    expect(describedBy(usage)).toContain(error.id);
    expect(document.activeElement).toBe(usage);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    await act(() => i18n.changeLanguage('en'));
    expect(within(dialog).getByText('Item PEC: the key uses usage, but the item is not linked to a catalogue service.')).toBeTruthy();
  });

  it('shows a refusal about another item above the buttons', async () => {
    const api = refusing(planApi('draft'), 'plan.saveItems', { code: 'E_VALIDATION', message: 'Campo «items.3.code»: Codice ripetuto.', field: 'items.3.code', params: { issue: 'Codice ripetuto.' } });
    const { user, dialog } = await openItem(api);
    await user.click(within(dialog).getByRole('button', { name: 'Salva la voce' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Codice ripetuto.');
    expect(within(dialog).getByRole('textbox', { name: /Codice/ }).getAttribute('aria-invalid')).toBeNull();
  });
});

describe('vote form: field messages', () => {
  async function openVote(api: FakeBackend) {
    usePlanStore.getState().reset();
    window.location.hash = '#/plan/approvals';
    const app = renderApp(api);
    await screen.findByRole('heading', { name: 'Votazione: Assemblea' });
    return app;
  }

  it('focuses the missing minutes reference, described by its error, in the page’s language', async () => {
    const api = planApi('submitted_to_assembly');
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
    const api = refusing(planApi('submitted_to_assembly'), 'plan.approve', {
      code: 'E_VALIDATION',
      message: 'Campo «date»: La data della seduta non può essere nel futuro.',
      field: 'date',
      params: { issue: 'La data della seduta non può essere nel futuro.' },
    });
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
    // Say the version was replaced meanwhile (another window made a new one).
    const api = refusing(planApi('draft'), 'plan.saveItems', {
      code: 'E_NOT_FOUND',
      message: 'Il piano 2027 non ha una versione 1.',
      field: 'version',
      params: { rule: 'PLAN_VERSION_UNKNOWN', year: 2027, version: 1 },
    });
    usePlanStore.getState().reset();
    window.location.hash = '#/plan';
    const { user, i18n } = renderApp(api);
    const table = await screen.findByRole('table', { name: 'Voci del piano' }, { timeout: 5000 });
    await user.click(within(table).getByRole('button', { name: 'Togli Posta elettronica certificata' }));
    // (In Italian govErrorMessage gives the catalogue's generic sentence for a code other than E_VALIDATION.)
    expect((await screen.findByRole('alert')).textContent).toBeTruthy();
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('alert').textContent).toBe('The 2027 plan has no version 1.');
  });
});
