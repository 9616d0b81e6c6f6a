import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { StaffMember } from '../../../../shared/domain/staff';
import type { Course, Participation } from '../../../../shared/domain/training';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { useFormErrors } from '../../app/use-form-errors';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { DataTable, type Column } from '../../components/data-table';
import { CheckboxField, NumberTextField, RadioGroupField, TextAreaField } from '../../components/fields';
import { SelectField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { Modal } from '../../components/modal';
import { useToastStore } from '../../components/toast-store';
import { fieldErrorsFromZod, type Message } from '../../i18n/messages';
import { canonicalToInput, formatMilliItalian, normaliseQuantity } from '../../i18n/quantity';
import { CsvExportButton } from '../csv/csv-export';
import { RowActions } from './row-actions';
import { personLabel, useTrainingStore } from './store';

/** Who attended which course: hours, completed, the person's own evaluation 1–5 and comment. */
export function ParticipationsView() {
  const { t } = useTranslation();
  const { version, editParticipation, editingParticipation, askDelete } = useTrainingStore();
  const list = useApiQuery('participations.list', {}, version);
  const staff = useApiQuery('staff.list', {}, version);
  const courses = useApiQuery('courses.list', {}, version);
  const person = (p: Participation) => personLabel({ code: p.staffCode, displayName: p.staffName });
  const columns: Column<Participation>[] = [
    { key: 'person', header: t('training.colPerson'), cell: person, rowHeader: true },
    { key: 'course', header: t('training.colTitle'), cell: (p) => p.courseTitle },
    { key: 'hours', header: t('training.colHours'), numeric: true, cell: (p) => formatMilliItalian(p.hoursMilli) },
    { key: 'completed', header: t('training.colCompleted'), cell: (p) => (p.completed ? t('common.yes') : t('common.no')) },
    { key: 'evaluation', header: t('training.colOwnEvaluation'), cell: (p) => (p.evaluation === null ? t('training.evaluationNone') : t(`training.evaluation_${p.evaluation}`)) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (p) => (
        <RowActions
          what={`${person(p)}, ${p.courseTitle}`}
          kind="participation"
          id={p.id}
          names={{ [p.staffId]: person(p), [p.courseId]: p.courseTitle }}
          onEdit={() => editParticipation(p)}
          onDelete={() =>
            askDelete({ method: 'participations.delete', id: p.id, title: t('training.deleteParticipationTitle'), text: t('training.deleteParticipationText', { person: person(p), course: p.courseTitle }) })
          }
        />
      ),
    },
  ];
  const people = staff.data;
  const courseList = courses.data;
  const ready = Boolean(people && courseList);
  const canRecord = Boolean(people?.length && courseList?.length);
  return (
    <>
      <p className="cst-lead">{t('training.participationsIntro')}</p>
      <Card title={t('training.participationFormTitle')} id="participation-new">
        {!ready ? <Loading /> : canRecord && people && courseList ? <ParticipationForm idPrefix="part-new" staff={people} courses={courseList} /> : <Alert tone="info">{t('training.needStaffAndCourse')}</Alert>}
      </Card>
      <Card title={t('training.participationsCaption')} id="participation-list">
        {!list.data ? <Loading /> : <DataTable caption={t('training.participationsCaption')} captionHidden columns={columns} rows={list.data} rowKey={(p) => p.id} empty={t('training.participationsEmpty')} />}
        <div className="cst-actions">
          <CsvExportButton input={{ list: 'participations' }} />
        </div>
      </Card>
      <Modal open={editingParticipation !== null} title={t('training.editParticipation')} onClose={() => editParticipation(null)}>
        {editingParticipation && staff.data && courses.data ? <ParticipationForm idPrefix="part-edit" staff={staff.data} courses={courses.data} editing={editingParticipation} /> : null}
      </Modal>
    </>
  );
}

const FORMAT_KEYS = { hours: 'validation2.hours', staffId: 'validation2.choosePerson', courseId: 'validation2.chooseCourse' };

function ParticipationForm({ idPrefix: p, staff, courses, editing }: { idPrefix: string; staff: StaffMember[]; courses: Course[]; editing?: Participation }) {
  const { t } = useTranslation();
  const api = useApi();
  const { changed, editParticipation } = useTrainingStore();
  const showToast = useToastStore((s) => s.show);
  const empty = { staffId: '', courseId: '', hours: '', completed: true, evaluation: '', comment: '' };
  const [d, setD] = useState(empty);
  const [saving, setSaving] = useState(false);
  const ids = { staffId: `${p}-person`, courseId: `${p}-course`, hours: `${p}-hours`, evaluation: `${p}-evaluation-0`, comment: `${p}-comment` };
  const form = useFormErrors(ids);
  useEffect(() => {
    if (editing)
      setD({ staffId: editing.staffId, courseId: editing.courseId, hours: canonicalToInput(editing.hours), completed: editing.completed, evaluation: editing.evaluation ? String(editing.evaluation) : '', comment: editing.comment });
  }, [editing]);
  const set = (k: keyof typeof d) => (v: string) => {
    setD((x) => ({ ...x, [k]: v }));
    form.clear(k);
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const input = {
      staffId: d.staffId,
      courseId: d.courseId,
      ...(d.hours.trim() ? { hours: normaliseQuantity(d.hours) } : {}),
      completed: d.completed,
      evaluation: d.evaluation ? Number(d.evaluation) : null,
      comment: d.comment,
    };
    const errors: Record<string, Message> = {};
    if (!d.staffId) errors.staffId = { key: 'validation2.choosePerson' };
    if (!d.courseId) errors.courseId = { key: 'validation2.chooseCourse' };
    const parsed = contract['participations.create'].input.safeParse(input);
    if (!parsed.success) Object.assign(errors, fieldErrorsFromZod(parsed.error, FORMAT_KEYS), errors);
    if (Object.keys(errors).length) {
      form.show(errors);
      return;
    }
    setSaving(true);
    const result = editing ? await api.call('participations.update', { ...input, id: editing.id }) : await api.call('participations.create', input);
    setSaving(false);
    if (!result.ok) {
      form.showApiError(result.error);
      return;
    }
    const saved = result.value;
    showToast('success', { key: 'training.participationSaved', params: { person: personLabel({ code: saved.staffCode, displayName: saved.staffName }), course: saved.courseTitle } });
    changed();
    if (editing) editParticipation(null);
    else {
      setD((x) => ({ ...empty, courseId: x.courseId }));
      form.reset();
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="cst-form cst-form-wide">
      <div className="cst-form-row">
        <SelectField
          id={ids.staffId}
          label={t('training.person')}
          value={d.staffId}
          onChange={set('staffId')}
          options={[{ value: '', label: t('training.personChoose') }, ...staff.filter((s) => s.active || s.id === d.staffId).map((s) => ({ value: s.id, label: personLabel(s) }))]}
          error={form.text('staffId')}
          required
        />
        <SelectField
          id={ids.courseId}
          label={t('training.course')}
          value={d.courseId}
          onChange={set('courseId')}
          options={[{ value: '', label: t('training.courseChoose') }, ...courses.map((c) => ({ value: c.id, label: c.title }))]}
          error={form.text('courseId')}
          required
        />
        <NumberTextField id={ids.hours} label={t('training.hoursAttended')} hint={t('training.hoursAttendedHint')} value={d.hours} onChange={set('hours')} error={form.text('hours')} />
      </div>
      <CheckboxField id={`${p}-completed`} label={t('training.completed')} checked={d.completed} onChange={(v) => setD((x) => ({ ...x, completed: v }))} />
      <RadioGroupField
        id={`${p}-evaluation`}
        legend={t('training.evaluation')}
        hint={t('training.evaluationHint')}
        value={d.evaluation}
        onChange={set('evaluation')}
        error={form.text('evaluation')}
        choices={[{ value: '', label: t('training.evaluationNone') }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`training.evaluation_${n}`) }))]}
      />
      <TextAreaField id={ids.comment} label={t('training.comment')} value={d.comment} onChange={set('comment')} error={form.text('comment')} rows={2} />
      {form.formText ? (
        <Alert tone="danger" live>
          {form.formText}
        </Alert>
      ) : null}
      <div className="cst-form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? t('common.saving') : editing ? t('common.save') : t('training.addParticipation')}
        </button>
        {editing ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => editParticipation(null)}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
