import type { BadgeTone } from '../../components/badge';

// Scores and percentages are written by shared/format/numbers.ts (formatHundredths, formatBasisPoints).

/** The stages a received proposal can be in on the hub, in the order of its path (withdrawal last). */
export const PROPOSAL_TRACK_STATES = ['received', 'under_evaluation', 'returned', 'admitted', 'not_admitted', 'approved', 'in_progress', 'completed', 'withdrawn'] as const;
export type TrackState = (typeof PROPOSAL_TRACK_STATES)[number];

/** A proposal's stage (shared/governance/proposal-state.ts) as a badge's tone; the word says it, not the colour. */
export function trackTone(status: string): BadgeTone {
  if (status === 'admitted' || status === 'approved' || status === 'completed' || status === 'in_progress' || status === 'sent') return 'success';
  if (status === 'not_admitted' || status === 'returned' || status === 'draft') return 'warning';
  return 'neutral';
}

export const PLAN_STATES = ['draft', 'proposed_by_executive', 'approved_by_executive', 'submitted_to_assembly', 'approved_by_assembly'] as const;

/** Today's date as ISO YYYY-MM-DD in the local calendar (the day the office records). */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** "14" or "14,5" typed by a clerk → integer, or null when it is not a whole number. */
export function parseWholeNumber(text: string): number | null {
  const t = text.replace(/[\s.]/g, '');
  if (!/^\d{1,15}$/.test(t)) return null;
  return Number(t);
}
