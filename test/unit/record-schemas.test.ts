import { describe, expect, it } from 'vitest';
import { formatMilli, parseMilli } from '../../shared/domain/quantity';
import { formatCents } from '../../shared/format/numbers';
import { parseEuroToCents as parseCents } from '../../shared/format/typed-numbers';
import { PROVISIONAL_CATALOGUE, UNITS } from '../../shared/records/catalogue';
import { isRealIsoDate } from '../../shared/records/common';
import { MUNICIPALITY_RECORD_KINDS } from '../../shared/records/kinds';
import { StaffData } from '../../shared/records/staff';
import { UsageData } from '../../shared/records/usage';
import { ProposalData } from '../../shared/records/proposals';
import { VALID_USAGE_DATA } from '../helpers/usage-data';

const usage = VALID_USAGE_DATA;

describe('record kinds', () => {
  it('are all owned by the municipality, with distinct names', () => {
    const names = MUNICIPALITY_RECORD_KINDS.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['usage', 'staff', 'course', 'participation', 'local_group', 'group_membership', 'group_meeting', 'proposal', 'proposal_join', 'technician_designation']);
    expect(MUNICIPALITY_RECORD_KINDS.every((k) => k.owner === 'municipality' && k.description.length > 10)).toBe(true);
  });

  it('usage data: integers only, positive, a month on its first day, no extra members', () => {
    expect(UsageData.parse(usage)).toEqual(usage);
    expect(UsageData.safeParse({ ...usage, quantity_milli: 12.5 }).success).toBe(false);
    expect(UsageData.safeParse({ ...usage, quantity_milli: 0 }).success).toBe(false);
    expect(UsageData.safeParse({ ...usage, date: '2026-10-15' }).success).toBe(false);
    expect(UsageData.safeParse({ ...usage, date: '2026-02-30', period: 'day' }).success).toBe(false);
    expect(UsageData.safeParse({ ...usage, extra: 1 }).success).toBe(false);
    expect(UsageData.safeParse({ ...usage, note: 'x'.repeat(2001) }).success).toBe(false);
    expect(UsageData.safeParse({ ...usage, note: 'a\u001bb' }).success).toBe(false);
    expect(UsageData.safeParse({ ...usage, note: 'riga 1\nriga 2\tok' }).success).toBe(true);
  });

  it('keeps members in schema order when parsing (the event line is canonical)', () => {
    const shuffled = { updated_by: 'M', note: '', channel: null, beneficiaries: usage.beneficiaries, quantity_milli: 1, period: 'day', date: '2026-01-01', service: 'PEC' };
    expect(Object.keys(UsageData.parse(shuffled))).toEqual(Object.keys(usage));
  });

  it('staff data: the display name is optional (absent when names are not shared)', () => {
    expect(StaffData.safeParse({ code: 'P-001', role: '', office: '', active: true, updated_by: 'M' }).success).toBe(true);
    expect(StaffData.safeParse({ code: 'P 001', role: '', office: '', active: true, updated_by: 'M' }).success).toBe(false);
  });

  it('proposal data: cents are integers, attachments are named by lower-case SHA-256', () => {
    const p = { status: 'draft', version: 0, title: 'T', problem: '', solution: '', group_id: null, benefits: '', beneficiaries: [], one_off_cents: 100, yearly_cents: 0, attachments: [], submitted_at: null, updated_by: 'M' };
    expect(ProposalData.safeParse(p).success).toBe(true);
    expect(ProposalData.safeParse({ ...p, one_off_cents: 1.5 }).success).toBe(false);
    expect(ProposalData.safeParse({ ...p, attachments: [{ sha256: 'A'.repeat(64), bytes: 1, name: 'x', type: 'application/pdf' }] }).success).toBe(false);
  });
});

describe('the provisional catalogue', () => {
  it('has the eleven services of a CST with names, unit and decimals', () => {
    expect(PROVISIONAL_CATALOGUE).toHaveLength(11);
    for (const s of PROVISIONAL_CATALOGUE) {
      expect(s.name_it && s.name_en).toBeTruthy();
      expect(s.decimals).toBe(UNITS[s.unit].decimals);
    }
  });
});

describe('quantities and money without floating point', () => {
  it.each([
    ['12', 12_000],
    ['12,5', 12_500],
    ['0.001', 1],
    ['7.25', 7_250],
  ])('parses %s to %i thousandths', (t, v) => expect(parseMilli(t)).toBe(v));

  it.each(['-1', '1,2345', 'abc', '1e3', ''])('refuses %j', (t) => expect(parseMilli(t)).toBeNull());

  it('formats back', () => {
    expect(formatMilli(12_500)).toBe('12.5');
    expect(formatMilli(12_500, ',')).toBe('12,5');
    expect(formatMilli(3_000)).toBe('3');
    expect(formatMilli(1)).toBe('0.001');
    expect(parseCents('1.234,56')).toBe(123_456);
    expect(parseCents('12,5')).toBe(1_250);
    expect(formatCents(123_456, { grouping: false })).toBe('1234,56');
  });

  it('knows real dates', () => {
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2026-02-29')).toBe(false);
    expect(isRealIsoDate('2026-04-31')).toBe(false);
  });
});
