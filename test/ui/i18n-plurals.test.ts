import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n';
import { hoursText } from '../../renderer/src/i18n/counts';

/** Counts in sentences take their plural from the catalogue, for 0, 1 and N, in both languages. */
describe('plurals from the catalogue', () => {
  const itT = createI18n('it').t;
  const enT = createI18n('en').t;

  it('imported staff and usage entries (issue 14: "Importati 4 personale", "Importate 1 registrazioni")', () => {
    expect(itT('training.csvImported', { count: 0, excluded: 0 })).toBe('0 dipendenti importati; righe escluse: 0.');
    expect(itT('training.csvImported', { count: 1, excluded: 0 })).toBe('1 dipendente importato; righe escluse: 0.');
    expect(itT('training.csvImported', { count: 4, excluded: 2 })).toBe('4 dipendenti importati; righe escluse: 2.');
    expect(enT('training.csvImported', { count: 1, excluded: 0 })).toBe('1 staff member imported; rows excluded: 0.');
    expect(enT('training.csvImported', { count: 4, excluded: 0 })).toBe('4 staff members imported; rows excluded: 0.');
    expect(itT('usage.csvImported', { count: 1, excluded: 3 })).toBe('1 registrazione importata; righe escluse: 3.');
    expect(itT('usage.csvImported', { count: 3000, excluded: 0 })).toBe('3.000 registrazioni importate; righe escluse: 0.');
    expect(enT('usage.csvImported', { count: 0, excluded: 0 })).toBe('0 entries imported; rows excluded: 0.');
    expect(enT('usage.csvImported', { count: 1, excluded: 0 })).toBe('1 entry imported; rows excluded: 0.');
  });

  it('nests counted nouns in longer sentences ("1 pratica", not "1 pratiche")', () => {
    expect(itT('reports.published', { rows: 1, practices: 1 })).toBe('Rapporto pubblicato: 1 riga, 1 buona pratica.');
    expect(itT('reports.published', { rows: 0, practices: 4 })).toBe('Rapporto pubblicato: 0 righe, 4 buone pratiche.');
    expect(enT('reports.published', { rows: 1, practices: 0 })).toBe('Report published: 1 row, 0 good practices.');
    expect(itT('homeMunicipality.proposalsLine', { draft: 1, submitted: 1, withdrawn: 0 })).toBe('Proposte: 1 in bozza, 1 inviata, 0 ritirate');
    expect(enT('homeMunicipality.proposalsLine', { draft: 1, submitted: 2, withdrawn: 1 })).toBe('Proposals: 1 draft, 2 submitted, 1 withdrawn');
    expect(itT('usage.totalLine', { quantity: '12,5', unit: 'ore', entries: 1 })).toBe('12,5 ore in 1 registrazione');
    expect(itT('usage.totalLine', { quantity: '12,5', unit: 'ore', entries: 12_345 })).toBe('12,5 ore in 12.345 registrazioni');
    expect(enT('usage.totalLine', { quantity: '12.5', unit: 'hours', entries: 1 })).toBe('12.5 hours in 1 entry');
    expect(itT('dashboards.pipelineSummary', { total: 1, list: 'ricevuta 1' })).toBe('1 proposta: ricevuta 1.');
    expect(itT('imports.summary', { count: 1, total: 1, ok: 1, wait: 0, bad: 0 })).toBe('1 file: 1 letto, 0 in attesa, 0 rifiutati.');
    expect(itT('imports.summary', { count: 4, total: 4, ok: 2, wait: 1, bad: 1 })).toBe('4 file: 2 letti, 1 in attesa, 1 rifiutato.');
    expect(enT('imports.summary', { count: 1, total: 1, ok: 1, wait: 0, bad: 0 })).toBe('1 file: 1 read, 0 waiting, 0 refused.');
  });

  it('hours follow their value: 1 ora, 1,5 ore', () => {
    expect(hoursText(itT, 1000)).toBe('1 ora');
    expect(hoursText(itT, 1500)).toBe('1,5 ore');
    expect(hoursText(itT, 0)).toBe('0 ore');
    expect(hoursText(enT, 1000)).toBe('1 hour');
    expect(hoursText(enT, 11_500)).toBe('11,5 hours'); // numbers are Italian in both languages (docs/design.md)
    const year = { year: 2026, courses: 1, participations: 2, completed: 1, hours: hoursText(itT, 11_500) };
    expect(itT('training.totalsYear', year)).toBe('Totale dell’anno 2026: 1 corso, 2 partecipazioni (1 completata), 11,5 ore.');
    expect(enT('training.totalsYear', { ...year, hours: hoursText(enT, 1000) })).toBe('Total for 2026: 1 course, 2 participations (1 completed), 1 hour.');
  });

  it('exact millions, which CLDR calls "many" in Italian, take the plural (not the bare key)', () => {
    expect(itT('counts.rows', { count: 1_000_000 })).toBe('1.000.000 righe');
    expect(itT('usage.csvImported', { count: 2_000_000, excluded: 0 })).toBe('2.000.000 registrazioni importate; righe escluse: 0.');
    expect(itT('bundles.eventsCount', { count: 1_000_000, n: '1.000.000' })).toBe('1.000.000 registrazioni');
  });

  it('one-of sentences say it without a number', () => {
    expect(itT('dashboards.trainingSummary', { count: 1 })).toBe('Ore di formazione del comune che ne ha di più.');
    expect(itT('dashboards.trainingSummary', { count: 5 })).toBe('Ore di formazione dei 5 comuni con più ore.');
    expect(itT('peers.typeLength', { count: 1, expected: 30 })).toBe('È stata scritta 1 cifra su 30: controllare e completare.');
    expect(enT('peers.typeLength', { count: 1, expected: 30 })).toBe('1 digit typed out of 30: check and complete.');
    expect(itT('recovery.missingFiles', { count: 1 })).toBe('1 allegato di una proposta non era presso il consorzio: riallegarlo dalla proposta.');
    expect(itT('imports.textApplied', { count: 1, sender: 'CST-PU', first: 7, last: 7 })).toBe('Registrato 1 dato di CST-PU (n. 7).');
    expect(enT('imports.progressDone', { count: 1 })).toBe('Import finished: 1 file.');
    expect(enT('imports.progressDone', { count: 0 })).toBe('Import finished: 0 files.');
  });
});
