import '../governance/governance.css';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { CheckboxField, TextAreaField } from '../../components/fields';
import { FileField } from '../../components/file-field';
import { TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useToastStore } from '../../components/toast-store';
import { formatDate } from '../../i18n/format';
import { navigateTo } from '../../platform/hash-location';
import { readFileAsBase64 } from '../../platform/read-file';
import { saveFile } from '../../platform/save-file';
import type { TcMeetingFormData, TcMeetingView } from '../../../../shared/domain/tc-meetings';
import { GovernanceError } from '../../../../shared/governance/errors';
import { checkAttendance, computeQuorum } from '../../../../shared/governance/tc-quorum';
import { sentenceFor } from '../../../../shared/errors/catalogue';
import { TC_ATTENDANCE, type TcAttendanceEntry, type TcAttendanceStatus } from '../../../../shared/records/tc-meetings';
import { govErrorMessage } from '../governance/gov-text';
import { todayIso } from '../governance/gov-format';
import { ruleText } from './meeting-text';

const TYPES: Record<string, string> = { pdf: 'application/pdf', odt: 'application/vnd.oasis.opendocument.text', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg' };
/** Lower case without accents, so that "forli" finds Forlì. */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

type Marks = Record<string, { status: TcAttendanceStatus; proxy_to: string | null }>;

/** Hub: a Technical Committee meeting, new (`id` null) or saved: details, proposals examined, attendance with the quorum live, minutes, PDF. */
export function MeetingForm({ id }: { id: string | null }) {
  const { t, i18n } = useTranslation();
  const saved = useApiQuery('tc.meetings.get', { id: id ?? '00000000-0000-4000-8000-000000000000' });
  const [date, setDate] = useState(todayIso());
  const form = useApiQuery('tc.meetings.form', { date: /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : todayIso() });
  if (id && saved.state === 'error') return <Alert tone="danger">{govErrorMessage(saved.error, t, i18n.language)}</Alert>;
  if (form.state === 'error') return <Alert tone="danger">{govErrorMessage(form.error, t, i18n.language)}</Alert>;
  if (!form.data || (id && !saved.data)) return <Loading />;
  return <MeetingEditor key={id ?? 'new'} form={form.data} meeting={id ? (saved.data ?? null) : null} date={date} setDate={setDate} onSaved={() => saved.reload()} />;
}

function MeetingEditor({ form, meeting, date, setDate, onSaved }: { form: TcMeetingFormData; meeting: TcMeetingView | null; date: string; setDate: (d: string) => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const toast = useToastStore((s) => s.show);
  const lang = i18n.language.startsWith('en') ? 'en' : 'it';
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [online, setOnline] = useState(meeting?.online ?? false);
  const [link, setLink] = useState(meeting?.link ?? '');
  const [agenda, setAgenda] = useState((meeting?.agenda ?? []).join('\n'));
  const [notes, setNotes] = useState(meeting?.notes ?? '');
  const [examined, setExamined] = useState<Set<string>>(new Set(meeting?.proposals ?? []));
  const [marks, setMarks] = useState<Marks>(() => Object.fromEntries((meeting?.attendance ?? []).map((a) => [a.member, { status: a.status, proxy_to: a.proxy_to }])));
  const [filter, setFilter] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [apiError, setApiError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  useEffect(() => {
    if (meeting) setDate(meeting.date);
  }, [meeting, setDate]);

  const names = useMemo(() => Object.fromEntries(form.members.map((m) => [m.istat, m.name])), [form.members]);
  // Every member of the registry has a line: those not marked start as the form proposes.
  const entries: TcAttendanceEntry[] = form.members.map((m) => ({ member: m.istat, status: marks[m.istat]?.status ?? m.status, proxy_to: marks[m.istat]?.proxy_to ?? null }));
  const quorum = computeQuorum(entries, form.rules.quorum);
  let problem: string | undefined;
  try {
    checkAttendance(entries, form.rules.proxies);
  } catch (e) {
    if (e instanceof GovernanceError) problem = sentenceFor(e.key, { ...e.params, member: names[String(e.params.member)] ?? String(e.params.member ?? ''), to: names[String(e.params.to)] ?? String(e.params.to ?? '') }, lang);
  }
  const present = entries.filter((e) => e.status === 'titular' || e.status === 'substitute');
  const f = fold(filter.trim());
  const shown = form.members.filter((m) => !f || fold(m.name).includes(f) || m.istat.includes(f));
  const setMark = (istat: string, status: TcAttendanceStatus, proxy_to: string | null) => setMarks((s) => ({ ...s, [istat]: { status, proxy_to: status === 'proxy' ? proxy_to : null } }));

  const save = async () => {
    const errs: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errs.date = t('meetings.dateRequired');
    if (!place.trim() && !online) errs.place = t('meetings.placeRequired');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    const res = await api.call('tc.meetings.save', {
      ...(meeting ? { id: meeting.id } : {}),
      date,
      place: place.trim(),
      online,
      link: online ? link.trim() : '',
      agenda: agenda.split('\n').map((s) => s.trim()).filter(Boolean),
      proposals: [...examined],
      attendance: entries,
      notes: notes.trim(),
    });
    setBusy(false);
    if (!res.ok) return setApiError(govErrorMessage(res.error, t, i18n.language));
    setApiError(undefined);
    toast('success', { key: 'meetings.saved' });
    if (!meeting) navigateTo(`/proposals/meetings/${res.value.id}`);
    else onSaved();
  };
  const remove = async () => {
    if (!meeting) return;
    const res = await api.call('tc.meetings.delete', { id: meeting.id });
    setConfirmDelete(false);
    if (!res.ok) return setApiError(govErrorMessage(res.error, t, i18n.language));
    toast('success', { key: 'meetings.deleted' });
    navigateTo('/proposals/meetings');
  };
  const attach = async (file: File | undefined) => {
    if (!file || !meeting) return;
    const type = TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] ?? file.type;
    const picked = await readFileAsBase64(file);
    const res = await api.call('tc.meetings.attach', { id: meeting.id, name: file.name, type, contentBase64: picked.contentBase64 });
    if (!res.ok) return setApiError(govErrorMessage(res.error, t, i18n.language));
    toast('success', { key: 'meetings.minutesAdded', params: { name: file.name } });
    onSaved();
  };
  const detach = async (sha256: string) => {
    if (!meeting) return;
    const res = await api.call('tc.meetings.detach', { id: meeting.id, sha256 });
    if (!res.ok) return setApiError(govErrorMessage(res.error, t, i18n.language));
    onSaved();
  };
  const download = async (sha256: string, name: string) => {
    if (!meeting) return;
    const res = await api.call('tc.meetings.file', { id: meeting.id, sha256 });
    if (!res.ok) return setApiError(govErrorMessage(res.error, t, i18n.language));
    await saveFile({ fileName: name, contentBase64: res.value.contentBase64 });
  };
  const pdf = async (pdfLang: 'it' | 'en') => {
    if (!meeting) return;
    setBusy(true);
    const res = await api.call('tc.meetings.pdf', { id: meeting.id, lang: pdfLang });
    setBusy(false);
    if (!res.ok) return setApiError(govErrorMessage(res.error, t, i18n.language));
    if (!res.value.contentBase64) return;
    const out = await saveFile({ fileName: res.value.fileName, contentBase64: res.value.contentBase64 });
    if (out.kind !== 'cancelled') toast('success', { key: 'meetings.pdfSaved', params: { name: out.kind === 'saved' ? out.path : out.fileName } });
  };

  return (
    <>
      <PageTitle>{meeting ? t('meetings.editTitle', { date: formatDate(meeting.date) }) : t('meetings.newTitle')}</PageTitle>
      <form
        className="cst-form cst-form-wide"
        noValidate
        aria-label={meeting ? t('meetings.editTitle', { date: formatDate(meeting.date) }) : t('meetings.newTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Card title={t('meetings.detailsTitle')} id="tc-meeting-details">
          <DateField id="tc-date" label={t('meetings.date')} value={date} onChange={setDate} error={errors.date} required />
          <TextField id="tc-place" label={t('meetings.place')} hint={t('meetings.placeHint')} value={place} onChange={setPlace} error={errors.place} />
          <CheckboxField id="tc-online" label={t('meetings.isOnline')} checked={online} onChange={setOnline} />
          {online ? <TextField id="tc-link" label={t('meetings.link')} hint={t('meetings.linkHint')} value={link} onChange={setLink} /> : null}
          <TextAreaField id="tc-agenda" label={t('meetings.agenda')} hint={t('meetings.agendaHint')} value={agenda} onChange={setAgenda} rows={4} />
          <TextAreaField id="tc-notes" label={t('meetings.notes')} value={notes} onChange={setNotes} rows={3} />
        </Card>
        <Card title={t('meetings.proposals')} id="tc-meeting-proposals">
          <p className="cst-hint">{t('meetings.proposalsHint')}</p>
          {form.proposals.length === 0 ? (
            <p className="cst-empty">{t('meetings.noProposals')}</p>
          ) : (
            <ul className="cst-gov-checklist list-unstyled">
              {form.proposals.map((p) => (
                <li key={p.id} className="form-check">
                  <input
                    className="form-check-input"
                    type="checkbox"
                    id={`tc-p-${p.id}`}
                    checked={examined.has(p.id)}
                    onChange={(e) =>
                      setExamined((s) => {
                        const n = new Set(s);
                        if (e.target.checked) n.add(p.id);
                        else n.delete(p.id);
                        return n;
                      })
                    }
                  />
                  <label className="form-check-label" htmlFor={`tc-p-${p.id}`}>
                    {t('meetings.proposalOf', { title: p.title, member: p.ownerName ?? p.owner })}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t('meetings.attendance')} id="tc-meeting-attendance">
          <p className="cst-hint">{t('meetings.attendanceHint')}</p>
          <p className="cst-hint">{ruleText(form.rules, t)}</p>
          <p role="status" className={quorum.reached ? 'cst-tc-quorum cst-tc-quorum-ok' : 'cst-tc-quorum'}>
            <strong>{t('meetings.quorumLive', { state: t(quorum.reached ? 'meetings.quorumYes' : 'meetings.quorumNo'), present: quorum.present, base: quorum.base, required: quorum.required })}</strong>
          </p>
          {problem ? (
            <p className="cst-field-error" role="alert">
              {problem}
            </p>
          ) : null}
          {form.members.length > 12 ? <TextField id="tc-filter" label={t('meetings.filter')} value={filter} onChange={setFilter} /> : null}
          <div className="table-responsive">
            <table className="table table-sm cst-tc-grid">
              <caption className="visually-hidden">{t('meetings.attendance')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('meetings.colMember')}</th>
                  <th scope="col">{t('meetings.colStatus')}</th>
                  <th scope="col">{t('meetings.colProxy')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => {
                  const e = entries.find((x) => x.member === m.istat)!;
                  return (
                    <tr key={m.istat}>
                      <th scope="row">
                        {m.name} <span className="cst-hint">({m.istat})</span>
                      </th>
                      <td>
                        <select className="form-select form-select-sm" aria-label={t('meetings.statusOf', { name: m.name })} value={e.status} onChange={(ev) => setMark(m.istat, ev.target.value as TcAttendanceStatus, e.proxy_to)}>
                          {TC_ATTENDANCE.filter((s) => s !== 'proxy' || form.rules.proxies.allowed || e.status === 'proxy').map((s) => (
                            <option key={s} value={s}>
                              {t(`meetings.status.${s}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        {e.status === 'proxy' ? (
                          <select className="form-select form-select-sm" aria-label={t('meetings.proxyOf', { name: m.name })} value={e.proxy_to ?? ''} onChange={(ev) => setMark(m.istat, 'proxy', ev.target.value || null)}>
                            <option value="">{t('meetings.proxyChoose')}</option>
                            {present
                              .filter((x) => x.member !== m.istat)
                              .map((x) => (
                                <option key={x.member} value={x.member}>
                                  {names[x.member] ?? x.member}
                                </option>
                              ))}
                          </select>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
        {apiError ? (
          <p className="cst-field-error" role="alert">
            {apiError}
          </p>
        ) : null}
        <div className="cst-gov-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('meetings.save')}
          </button>
          {meeting ? (
            <button type="button" className="btn btn-outline-danger" onClick={() => setConfirmDelete(true)}>
              {t('meetings.delete')}
            </button>
          ) : null}
        </div>
      </form>
      <Card title={t('meetings.minutes')} id="tc-meeting-minutes">
        {meeting ? (
          <>
            {meeting.attachments.length === 0 ? (
              <p className="cst-empty">{t('meetings.minutesNone')}</p>
            ) : (
              <ul className="list-unstyled">
                {meeting.attachments.map((a) => (
                  <li key={a.sha256} className="cst-gov-actions">
                    <button type="button" className="btn btn-link" onClick={() => void download(a.sha256, a.name)}>
                      {t('meetings.minutesDownload', { name: a.name })}
                    </button>
                    <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => void detach(a.sha256)}>
                      {t('meetings.minutesRemove', { name: a.name })}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <FileField id="tc-minutes" label={t('meetings.minutesAdd')} hint={t('meetings.minutesHint')} accept={Object.keys(TYPES).map((e) => `.${e}`).join(',')} onFiles={(files) => void attach(files[0])} />
            <div className="cst-gov-actions">
              <button type="button" className="btn btn-outline-primary" onClick={() => void pdf('it')} disabled={busy}>
                {t('meetings.pdf')}
              </button>
              <button type="button" className="btn btn-outline-primary" onClick={() => void pdf('en')} disabled={busy}>
                {t('meetings.pdfEn')}
              </button>
            </div>
          </>
        ) : (
          <p className="cst-hint">{t('meetings.minutesFirstSave')}</p>
        )}
      </Card>
      <ConfirmDialog
        open={confirmDelete}
        title={t('meetings.delete')}
        text={t('meetings.deleteConfirm', { date: meeting ? formatDate(meeting.date) : '' })}
        confirmLabel={t('meetings.delete')}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      />
    </>
  );
}
