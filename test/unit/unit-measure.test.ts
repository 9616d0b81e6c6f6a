import { describe, expect, it } from 'vitest';
import { combineMonths, combineSum, isLevel, latestOrSum, measureOf, shownMilli, unitWord } from '../../shared/domain/unit-measure';

describe('unit measure: counts add up, levels never do', () => {
  it('knows which units are levels held', () => {
    expect(isLevel('gb')).toBe(true);
    expect(isLevel('mailboxes')).toBe(true);
    expect(isLevel('sites')).toBe(true);
    expect(measureOf('documents')).toBe('count');
    expect(measureOf('certificates')).toBe('count');
    expect(measureOf('a-unit-from-a-newer-catalogue')).toBe('count');
  });

  it('sums a count and averages a level over the months that have a figure', () => {
    expect(combineMonths('documents', [100_000, 250_000, 50_000])).toBe(400_000);
    // 6,47 GB held for twelve months is 6,47 GB, not 77,64 GB.
    expect(combineMonths('gb', Array(12).fill(6_470))).toBe(6_470);
    expect(combineMonths('gb', [1_000, 2_000])).toBe(1_500);
    expect(combineMonths('mailboxes', [3_000, 4_000, 4_000])).toBe(3_667);
  });

  it('says "unknown" (null), never zero, when no month has a figure', () => {
    expect(combineMonths('gb', [])).toBeNull();
    expect(combineMonths('documents', [])).toBeNull();
    expect(latestOrSum('gb', [])).toBeNull();
  });

  it('gives a level its latest figure and a count its sum', () => {
    expect(latestOrSum('gb', [1_000, 2_000, 1_500])).toBe(1_500);
    expect(latestOrSum('cases', [1_000, 2_000, 1_500])).toBe(4_500);
  });

  it('combines a sum already made by SQL the same way as the months it came from', () => {
    expect(combineSum('gb', 12 * 6_470, 12)).toBe(6_470);
    expect(combineSum('mailboxes', 11_000, 3)).toBe(combineMonths('mailboxes', [3_000, 4_000, 4_000]));
    expect(combineSum('documents', 400_000, 3)).toBe(400_000);
    expect(combineSum('gb', 0, 0)).toBeNull();
  });

  it('shows the average of a whole unit to one decimal, and the rest as it is', () => {
    expect(shownMilli('mailboxes', 41_091)).toBe(41_100);
    expect(shownMilli('sites', 2_000)).toBe(2_000);
    expect(shownMilli('gb', 6_473)).toBe(6_473);
    expect(shownMilli('documents', 1_188_000)).toBe(1_188_000);
  });

  it('writes the unit in the singular after exactly 1 ("1 pratica", never "1 pratiche")', () => {
    expect(unitWord('cases', 1_000, 'it')).toBe('pratica');
    expect(unitWord('cases', 2_000, 'it')).toBe('pratiche');
    expect(unitWord('hours', 1_500, 'it')).toBe('ore');
    expect(unitWord('mailboxes', 1_000, 'en')).toBe('mailbox');
    expect(unitWord('mailboxes', 0, 'en')).toBe('mailboxes');
    expect(unitWord('parsecs', 1_000, 'it', 'parsec')).toBe('parsec');
  });
});
