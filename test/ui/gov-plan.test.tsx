import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { usePlanStore } from '../../renderer/src/features/plan/store';
import { fiveMembers, hubWithPlan, hubWithProposal, makePlan, sendTo } from './gov-real';
import { renderApp } from './render-app';

async function serious(): Promise<string[]> {
  const r = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('hub: the technical plan', () => {
  it('edits an item: percentages of the key must sum to 100, the error beside them', async () => {
    usePlanStore.getState().reset();
    window.location.hash = '#/plan';
    const api = await hubWithPlan('draft', { usage: true });
    const { user } = renderApp(api);
    await screen.findByRole('heading', { level: 1, name: 'Piano tecnico 2027' }, { timeout: 5000 });
    const table = await screen.findByRole('table', { name: 'Voci del piano' });
    expect(within(table).getByText('2.500,00 €')).toBeTruthy();
    expect(within(table).getByText('Parti uguali 50%, Popolazione 50%')).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'Modifica Posta elettronica certificata' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifica la voce' });
    // The estimate says which months it comes from (the latest twelve received, one with a figure).
    expect(within(dialog).getByText('Stimata dagli ultimi 12 mesi ricevuti (aprile 2025–marzo 2026): 110. Lasciare vuoto se non è nota.')).toBeTruthy();
    // Who pays is a choice on the item: every member (but the exempt ones) here, a service.
    expect((within(dialog).getByRole('radio', { name: 'Tutti i membri (tranne gli esenti indicati sotto)' }) as HTMLInputElement).checked).toBe(true);
    const equal = within(dialog).getByRole('textbox', { name: 'Parti uguali' });
    await user.clear(equal);
    await user.type(equal, '30');
    expect(within(dialog).getByText('Somma: 80 su 100')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Salva la voce' }));
    expect(within(dialog).getByText('Le percentuali sommano a 80: devono sommare esattamente a 100.')).toBeTruthy();
    expect(document.activeElement).toBe(equal);
    expect(api.callsOf('plan.saveItems')).toHaveLength(0);
    expect(await serious()).toEqual([]);
    const usage = within(dialog).getByRole('textbox', { name: 'Utilizzo' });
    await user.clear(usage);
    await user.type(usage, '20');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Urbania' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Costo fisso annuo più un costo per unità' }));
    const refUnit = within(dialog).getByRole('textbox', { name: 'Da solo: costo per unità' });
    await user.clear(refUnit);
    await user.type(refUnit, '25,50');
    await user.click(within(dialog).getByRole('button', { name: 'Salva la voce' }));
    await screen.findByText(/Voci salvate/);
    expect(api.callsOf('plan.saveItems')).toMatchObject([{ year: 2027, version: 1, items: [{ code: 'PEC', key: { equal: 30, population: 50, usage: 20 }, exempt: ['041066'], payers: { kind: 'all' }, fixedCents: 100_000, unitCents: 1_250, quantityMilli: 120_000, reference: { kind: 'per_unit', fixedCents: 0, unitCents: 2_550 } }] }]);
  });

  it('says who pays each item and that a quantity is unknown; an initiative of a few towns stays theirs when edited', async () => {
    usePlanStore.getState().reset();
    window.location.hash = '#/plan';
    const initiative = { code: 'INIZ-01', description: 'Wi-Fi nelle frazioni', category: 'initiative' as const, fixedCents: 180_000, key: { equal: 50, population: 50, usage: 0 }, payers: { kind: 'only' as const, members: ['041067'] } };
    // No usage received: PEC's quantity is unknown, never 0.
    const api = await hubWithPlan('draft', { item: { quantityMilli: null }, more: [initiative] });
    const { user } = renderApp(api);
    const table = await screen.findByRole('table', { name: 'Voci del piano' }, { timeout: 5000 });
    expect(within(table).getByRole('columnheader', { name: 'Chiave di riparto e chi paga' })).toBeTruthy();
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    // By name once the registry is read.
    expect(await within(row('Wi-Fi nelle frazioni')).findByText('Chi paga: Solo Urbino')).toBeTruthy();
    expect(within(row('Posta elettronica certificata')).getByText('Chi paga: Tutti i membri')).toBeTruthy();
    expect(within(row('Posta elettronica certificata')).getByText('1.000,00 € + 12,50 € × quantità da indicare')).toBeTruthy();
    expect(within(row('Posta elettronica certificata')).getByText(/^Quantità non nota: nessun utilizzo ricevuto negli ultimi 12 mesi/)).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'Modifica Wi-Fi nelle frazioni' }));
    const dialog = await screen.findByRole('dialog', { name: 'Modifica la voce' });
    expect((within(dialog).getByRole('radio', { name: 'Solo questi membri' }) as HTMLInputElement).checked).toBe(true);
    const payers = within(dialog).getByRole('group', { name: 'Comuni che pagano' });
    expect((within(payers).getByRole('checkbox', { name: 'Urbino' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(payers).getByRole('checkbox', { name: 'Fano' }));
    expect(await serious()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Salva la voce' }));
    await screen.findByText(/Voci salvate/);
    const sent = api.callsOf('plan.saveItems').at(-1) as { items: unknown[] };
    expect(sent.items[1]).toMatchObject({ code: 'INIZ-01', exempt: [], payers: { kind: 'only', members: ['041013', '041067'] } });
    expect(await within(table).findByText('Chi paga: Solo 2 comuni: Fano, Urbino')).toBeTruthy();
  });

  it('shows a locked version read-only with “Crea nuova versione”', async () => {
    usePlanStore.getState().reset();
    window.location.hash = '#/plan';
    renderApp(await hubWithPlan('approved_by_assembly'));
    await screen.findByRole('heading', { level: 1, name: 'Piano tecnico 2027' }, { timeout: 5000 });
    expect(await screen.findByText(/Questa versione non si può più modificare/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Crea nuova versione' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Modifica/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Aggiungi una voce' })).toBeNull();
    const stepper = screen.getByRole('list', { name: 'Passi di approvazione del piano' });
    expect(within(stepper).getAllByRole('listitem')).toHaveLength(5);
    // The Assembly's approval ends the path: shown as done, not as the step still to take (issue 13).
    expect(within(stepper).getByText('Approvato dall’Assemblea').closest('li')?.getAttribute('aria-current')).toBeNull();
    expect(within(stepper).getByText('Approvato dall’Assemblea').closest('li')?.className).toContain('cst-stepper-done');
    expect(await serious()).toEqual([]);
  });

  it('computes the Assembly’s outcome before saving, weighted by population', async () => {
    usePlanStore.getState().reset();
    window.location.hash = '#/plan/approvals';
    const api = await hubWithPlan('submitted_to_assembly');
    // This consortium's statute weighs the Assembly's votes by population, quorum half the weight.
    await api.must('gov.settings.update', { voting: { assembly: { weighting: 'population', majority: { kind: 'simple' }, quorum: { of: 'weight', numerator: 1, denominator: 2 } } } });
    const { user } = renderApp(api);
    await screen.findByRole('heading', { name: 'Votazione: Assemblea' });
    expect(screen.getByText(/voto pesato per popolazione/)).toBeTruthy();
    // Urbino alone: 14.950 of 181.708 inhabitants, under half of the weight → no quorum.
    await user.click(screen.getByRole('checkbox', { name: 'Urbino presente' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Voto di Urbino' }), 'for');
    expect(screen.getByText('Esito: quorum non raggiunto, la votazione non è valida', { selector: '.cst-gov-outcome-title' })).toBeTruthy();
    // Pesaro joins and votes against: quorum reached, more weight against → rejected.
    await user.click(screen.getByRole('checkbox', { name: 'Pesaro presente' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Voto di Pesaro' }), 'against');
    expect(screen.getByText('Esito: RESPINTO', { selector: '.cst-gov-outcome-title' })).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Voto di Pesaro' }), 'for');
    expect(screen.getByText('Esito: APPROVATO', { selector: '.cst-gov-outcome-title' })).toBeTruthy();
    expect(screen.getByText(/Presenti 2 su 5/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Registra la votazione (Assemblea)' }));
    expect(screen.getByText('Indicare il riferimento del verbale.')).toBeTruthy();
    expect(api.callsOf('plan.approve')).toHaveLength(0);
    expect(await serious()).toEqual([]);
  });

  it('shows the allocation member × item with exact cents and exempt members', async () => {
    usePlanStore.getState().reset();
    window.location.hash = '#/plan/allocation';
    renderApp(await hubWithPlan('approved_by_executive', { exempt: ['041057'] }));
    const table = await screen.findByRole('table', { name: 'Ripartizione dei costi per comune' });
    const pesaro = within(table).getByRole('rowheader', { name: 'Pesaro' }).closest('tr')!;
    // Half of 2.500,00 € in four equal parts, half by population; Sant'Angelo in Vado is exempt.
    expect(within(pesaro).getAllByText('991,84 €')).toHaveLength(2);
    const vado = within(table).getByRole('rowheader', { name: "Sant'Angelo in Vado" }).closest('tr')!;
    expect(within(vado).getByText('esente')).toBeTruthy();
    expect(within(table).getAllByText('2.500,00 €').length).toBeGreaterThan(0);
    expect(await serious()).toEqual([]);
  });
});

describe('municipality: Piano e quote', () => {
  it('shows its share item by item, its savings and its proposal’s timeline', async () => {
    // Urbino's proposal is admitted (7,70); the hub approves its plan, with a stand-alone price
    // for PEC, and sends it all to Urbino in a real bundle.
    const { hub, town: api, id } = await hubWithProposal({ evaluating: true });
    await fiveMembers(hub);
    const by = 'Comitato tecnico';
    await hub.must('gov.proposals.act', { id, action: { type: 'evaluate', date: '2026-11-26', by, scores: { citizen_business_benefit: 8, members_benefiting: 7, feasibility: 8, cost_benefit: 7, national_plan_fit: 8 } } });
    await hub.must('gov.proposals.act', { id, action: { type: 'admit', date: '2026-11-26', by } });
    await makePlan(hub, 'approved_by_assembly', { item: { reference: { kind: 'per_unit', fixedCents: 90_000, unitCents: 0 } } });
    await hub.must('report.publish', { year: 2027 });
    await sendTo(api, hub);
    window.location.hash = '#/share';
    renderApp(api);
    await screen.findByRole('heading', { level: 1, name: 'Piano e quote 2027' }, { timeout: 5000 });
        expect(screen.getByText('Il Comune paga 345,31 € e risparmia 554,69 € (61,63 %) rispetto a fare da solo.')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Quota del Comune voce per voce, piano 2027' });
    const row = within(table).getByRole('rowheader', { name: 'Posta elettronica certificata' }).closest('tr')!;
    expect(within(row).getByText('Parti uguali 50%, Popolazione 50%')).toBeTruthy();
    expect(within(row).getByText('900,00 €')).toBeTruthy();
    const proposals = screen.getByRole('region', { name: 'Le proposte del Comune' });
    expect(within(proposals).getByRole('heading', { name: /Wi-Fi pubblico nelle frazioni/ })).toBeTruthy();
    expect(within(proposals).getByText('Punteggio totale 7,65')).toBeTruthy();
    expect(within(proposals).getAllByText(/^26\/11\/2026/)).toHaveLength(4);
    // The consortium's 2027 report: of the five members, Urbino is alone in its size class.
    expect(await screen.findByText(/Comuni da 10\.001 a 20\.000 abitanti: 0 nel consorzio/)).toBeTruthy();
    expect(screen.getAllByText('1° su 1')).toHaveLength(2);
    expect(await serious()).toEqual([]);
  });
});
