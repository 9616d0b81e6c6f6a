import type { TFunction } from 'i18next';
import type { ApiError } from '../../../../shared/api/errors';
import { isMessageKey } from '../../../../shared/errors/catalogue';
import { apiErrorMessage, apiErrorToMessage, type Message } from '../../i18n/messages';
import { formatHundredths } from '../../../../shared/format/numbers';

/**
 * What the hub wrote in Italian, said in the page's language: step notes and authors, default
 * criteria labels, governance errors. The backend sends a catalogue key and its figures beside
 * each sentence; texts the operator typed are shown as typed.
 */

type Step = { note: string; note_key?: string | undefined; note_params?: Record<string, string | number> | undefined };

/** A step's note: the catalogue sentence when the app wrote it, else the operator's words. */
export function stepNoteText(step: Step, t: TFunction): string {
  const p = step.note_params ?? {};
  switch (step.note_key) {
    case 'score_total':
      return t('gov.note.score_total', { total: formatHundredths(Number(p.total ?? 0)) });
    case 'approval':
      return t('gov.note.approval', { body: t(`approval.body.${String(p.body)}`), minutes: p.minutes });
    case 'plan_version':
    case 'progress':
    case 'new_version':
      return t(`gov.note.${step.note_key}`, p);
  }
  // Steps recorded before the keys existed: the score note is still recognised.
  const m = /^Punteggio totale (\d+) centesimi$/.exec(step.note);
  if (m?.[1]) return t('gov.note.score_total', { total: formatHundredths(Number(m[1])) });
  return step.note;
}

/** The bodies and the office the app names as authors of steps. */
const AUTHORS: Record<string, string> = { Assemblea: 'assembly', 'Comitato esecutivo': 'executive_committee', 'Ufficio del consorzio': 'office' };

export function stepByText(by: string, t: TFunction): string {
  const key = AUTHORS[by];
  return key ? t(`gov.author.${key}`) : by;
}

/** A criterion's label: the catalogue's for a default criterion not renamed, else the operator's. */
export function criterionLabel(c: { label: string; label_key?: string | undefined }, t: TFunction): string {
  return c.label_key ? t(`gov.criterion.${c.label_key}`, { defaultValue: c.label }) : c.label;
}

/**
 * A governance error: in Italian the hub's own sentence; in another language the catalogue's
 * sentence for its rule (`params.rule`), states named in that language; else the generic one.
 */
export function govErrorMessage(error: ApiError, t: TFunction, language: string): string {
  const rule = error.params?.rule;
  // A refusal worded by the shared catalogue (it has a key) needs no rule: one way for all.
  if (language === 'it' || typeof rule !== 'string' || isMessageKey(error.key)) return apiErrorMessage(error, t, language);
  const key = `govErrors.${rule}`;
  const params: Record<string, string | number> = { ...(error.params ?? {}) };
  if (typeof params.status === 'string') params.status = t(`gov.state.${params.status}`);
  if (typeof params.state === 'string') params.state = t(`plan.state.${params.state}`);
  const text = t(key, { ...params, defaultValue: '' });
  return text || apiErrorMessage(error, t, language);
}

/** A governance error as a catalogue reference (its rule’s sentence), for an error kept beside its field (it follows a language switch). */
export function govErrorToMessage(error: ApiError): Message {
  const rule = error.params?.rule;
  if (isMessageKey(error.key)) return apiErrorToMessage(error); // the shared catalogue's sentence
  return { ...apiErrorToMessage(error), ...(typeof rule === 'string' ? { key: `govErrors.${rule}` } : {}) };
}

/** A size class in inhabitants, from its bounds. */
export function sizeRangeText(r: { from: number | null; to: number | null }, t: TFunction, fmt: (n: number) => string): string {
  if (r.to === null) return t('myShare.sizeOver', { from: fmt((r.from ?? 1) - 1) });
  if (r.from === null) return t('myShare.sizeUpTo', { to: fmt(r.to) });
  return t('myShare.sizeBetween', { from: fmt(r.from), to: fmt(r.to) });
}
