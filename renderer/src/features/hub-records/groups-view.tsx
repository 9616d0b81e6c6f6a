import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThematicGroup } from '../../../../shared/domain/hub-records';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { DataTable, type Column } from '../../components/data-table';
import { SelectField, TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { apiErrorMessage } from '../../i18n/messages';

type Field = 'name' | 'person' | 'form';

/** The consortium's thematic groups, each with its coordinating referent (a member's technician). */
export function GroupsView() {
  const { t, i18n } = useTranslation();
  const groups = useApiQuery('hub.groups.list', {});
  const members = useApiQuery('members.list', {});
  const [editing, setEditing] = useState<ThematicGroup | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const columns: Column<ThematicGroup>[] = [
    { key: 'name', header: t('hubRecords.groupName'), cell: (g) => g.name, rowHeader: true },
    {
      key: 'coord',
      header: t('hubRecords.groupCoordinator'),
      cell: (g) => (g.coordinator ? t('hubRecords.coordinatorText', { person: g.coordinator.person, member: g.coordinator.memberName ?? g.coordinator.istat }) : t('hubRecords.noCoordinator')),
    },
    { key: 'active', header: t('catalogue.state'), cell: (g) => (g.active ? <Badge tone="success">{t('catalogue.activeYes')}</Badge> : <Badge tone="neutral">{t('hubRecords.closed')}</Badge>) },
    {
      key: 'edit',
      header: t('catalogue.actions'),
      cell: (g) => (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(g)}>
          {t('catalogue.editShort')}
          <span className="visually-hidden"> {g.name}</span>
        </button>
      ),
    },
  ];
  return (
    <Card title={t('hubRecords.groupsTitle')} id="hub-groups">
      {groups.state === 'error' ? <Alert tone="danger">{apiErrorMessage(groups.error, t, i18n.language)}</Alert> : null}
      {saved ? (
        <Alert tone="success" live>
          {t('hubRecords.groupSaved', { name: saved })}
        </Alert>
      ) : null}
      {editing === null ? (
        <button type="button" className="btn btn-primary mb-3" onClick={() => setEditing('new')}>
          {t('hubRecords.groupAdd')}
        </button>
      ) : (
        <GroupForm
          key={editing === 'new' ? 'new' : editing.id}
          group={editing === 'new' ? null : editing}
          members={(members.data ?? []).map((m) => ({ value: m.istat, label: m.name }))}
          onCancel={() => setEditing(null)}
          onSaved={(g) => {
            setEditing(null);
            setSaved(g.name);
            groups.reload();
          }}
        />
      )}
      {groups.data ? <DataTable caption={t('hubRecords.groupsTitle')} captionHidden columns={columns} rows={groups.data} rowKey={(g) => g.id} empty={t('hubRecords.groupsEmpty')} /> : <Loading />}
    </Card>
  );
}

function GroupForm({ group, members, onSaved, onCancel }: { group: ThematicGroup | null; members: { value: string; label: string }[]; onSaved: (g: ThematicGroup) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [istat, setIstat] = useState(group?.coordinator?.istat ?? '');
  const [person, setPerson] = useState(group?.coordinator?.person ?? '');
  const [active, setActive] = useState(group?.active ?? true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!name.trim()) next.name = t('catalogue.nameRequired');
    if (istat && !person.trim()) next.person = t('hubRecords.personRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    const r = await api.call('hub.groups.save', {
      ...(group ? { id: group.id } : {}),
      name: name.trim(),
      description: description.trim(),
      coordinator: istat ? { istat, person: person.trim() } : null,
      active,
    });
    setBusy(false);
    if (!r.ok) {
      const message = apiErrorMessage(r.error, t, i18n.language);
      return setErrors(r.error.field === 'name' ? { name: message } : r.error.field?.startsWith('coordinator') ? { person: message } : { form: message });
    }
    onSaved(r.value);
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="cst-confirm-box" aria-labelledby="group-form-title">
      <h3 className="cst-subtitle" id="group-form-title">
        {group ? t('hubRecords.groupEdit', { name: group.name }) : t('hubRecords.groupNew')}
      </h3>
      <div className="cst-form-grid">
        <TextField id="group-name" label={t('hubRecords.groupName')} value={name} onChange={setName} error={errors.name} required maxLength={120} />
        <TextField id="group-description" label={t('hubRecords.groupDescription')} value={description} onChange={setDescription} maxLength={2000} />
        <SelectField id="group-member" label={t('hubRecords.coordinatorMember')} value={istat} onChange={setIstat} options={[{ value: '', label: t('hubRecords.noCoordinator') }, ...members]} />
        <TextField id="group-person" label={t('hubRecords.coordinatorPerson')} hint={t('hubRecords.coordinatorHint')} value={person} onChange={setPerson} error={errors.person} maxLength={100} />
      </div>
      <div className="form-check mb-3">
        <input className="form-check-input" type="checkbox" id="group-active" checked={active} onChange={(e) => setActive(e.target.checked)} />
        <label className="form-check-label" htmlFor="group-active">
          {t('hubRecords.groupActive')}
        </label>
      </div>
      {errors.form ? (
        <Alert tone="danger" live>
          {errors.form}
        </Alert>
      ) : null}
      <div className="cst-actions">
        <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
          {t('hubRecords.groupSave')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-lg" onClick={onCancel}>
          {t('catalogue.cancel')}
        </button>
      </div>
    </form>
  );
}
