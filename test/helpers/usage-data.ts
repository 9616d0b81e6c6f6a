/** A usage record's `data` as the project's schema accepts it (a month of PEC mailboxes). */
export const VALID_USAGE_DATA = {
  service: 'PEC',
  date: '2026-10-01',
  period: 'month',
  quantity_milli: 14_000,
  beneficiaries: { citizens: null, businesses: null, offices: null },
  channel: null,
  note: '',
  updated_by: 'Maria Rossi',
};
