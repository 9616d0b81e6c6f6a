/**
 * The 12-month charts and the charts by town (issue 13, items 10 and 15): the month under way is
 * marked as partial (on the real core's data), and a town's name is never cut to four letters.
 */
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { BarChart } from '../../renderer/src/components/bar-chart';
import { createI18n } from '../../renderer/src/i18n';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

describe('bar charts', () => {
  it('mark the current month as in progress, in the picture, under it and in the table', async () => {
    window.history.replaceState(null, '', '/#/usage/trend');
    // The app's today is 26 November 2026 (test/helpers/ui-backend.ts).
    const api = await openUiBackend({ as: 'municipality' });
    await api.must('usage.record', { service: 'PEC', date: '2026-10-10', quantity: '4' });
    await api.must('usage.record', { service: 'PEC', date: '2026-11-10', quantity: '6' });
    renderApp(api);
    const chart = await screen.findByRole('img', { name: /Posta elettronica certificata/ });
    expect(chart.querySelectorAll('.cst-chart-bar-partial')).toHaveLength(1);
    expect([...chart.querySelectorAll('text')].map((x) => x.textContent).filter((x) => x?.endsWith('*'))).toEqual(['nov*']);
    expect(screen.getByText('* novembre 2026 è in corso: il dato è parziale.')).toBeTruthy();
    const table = screen.getByRole('table', { name: /Posta elettronica certificata \(PEC\)/ });
    expect(within(table).getByRole('rowheader', { name: 'novembre 2026 (in corso, dato parziale)' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: 'ottobre 2026' })).toBeTruthy();
  });

  it('write long names whole (slanted), shorten only past 14 letters, and keep the full name in the tooltip', () => {
    const i18n = createI18n('en');
    const towns = ['Pesaro', 'Urbino', 'Fano', "Sant'Angelo in Vado", 'Urbania', 'Fossombrone', 'Cagli', 'Mondavio', 'Pergola', 'Montelabbate', 'Vallefoglia', 'Tavullia'];
    const data = towns.map((name, i) => ({ label: name, longLabel: name, value: 100 - i, display: String(100 - i) }));
    render(
      <I18nextProvider i18n={i18n}>
        <BarChart title="Training hours" summary="Training hours by town" data={data} valueHeader="Hours" periodHeader="Town" />
      </I18nextProvider>,
    );
    const chart = screen.getByRole('img', { name: 'Training hours by town' });
    const labels = [...chart.querySelectorAll('text.cst-chart-label')];
    expect(labels.map((l) => l.textContent)).toEqual(['Pesaro', 'Urbino', 'Fano', "Sant'Angelo i…", 'Urbania', 'Fossombrone', 'Cagli', 'Mondavio', 'Pergola', 'Montelabbate', 'Vallefoglia', 'Tavullia']);
    expect(labels.every((l) => l.getAttribute('transform')?.startsWith('rotate(-40'))).toBe(true);
    expect([...chart.querySelectorAll('title')].map((x) => x.textContent)[3]).toBe("Sant'Angelo in Vado: 97");
    // The picture grows to hold the slanted names: nothing is drawn below it.
    const height = Number(chart.getAttribute('viewBox')!.split(' ')[3]);
    expect(height).toBeGreaterThan(150);
    expect(screen.queryByText(/in progress/)).toBeNull();
  });
});
