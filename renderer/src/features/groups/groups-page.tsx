import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { DeleteRecordDialog } from '../../components/delete-record-dialog';
import { Loading } from '../../components/loading';
import { EditDialog } from '../../components/record-form';
import { PageTitle } from '../../components/page-title';
import { apiErrorMessage } from '../../i18n/messages';
import { GroupCard } from './group-card';
import { GroupForm } from './group-form';
import { MeetingForm, MeetingsList } from './meetings';
import { DeletedLink } from '../history/deleted-link';
import { useGroupsStore } from './store';

/** "Gruppi tematici": the groups, who takes part, the meetings attended. */
export function GroupsPage() {
  const { t, i18n } = useTranslation();
  const { version, editingGroup, editGroup, editingMeeting, editMeeting } = useGroupsStore();
  const groups = useApiQuery('groups.list', {}, version);
  const staff = useApiQuery('staff.list', {}, version);
  const meetings = useApiQuery('meetings.list', {}, version);
  // The meetings' own list says when they cannot be read.
  const error = groups.error ?? staff.error;
  return (
    <>
      <PageTitle>{t('groups.title')}</PageTitle>
      <p className="cst-lead">{t('groups.intro')}</p>
      {error ? <Alert tone="danger">{apiErrorMessage(error, t, i18n.language)}</Alert> : null}
      <Card title={t('groups.formTitle')} id="group-new">
        <GroupForm idPrefix="group-new" />
      </Card>
      {!groups.data || !staff.data ? <Loading /> : null}
      {groups.data && staff.data ? (
        <>
          {groups.data.length === 0 ? <p className="cst-empty">{t('groups.empty')}</p> : null}
          {staff.data.length === 0 && groups.data.length > 0 ? <Alert tone="info">{t('groups.needStaff')}</Alert> : null}
          <div className="cst-card-grid cst-group-grid">
            {groups.data.map((g) => (
              <GroupCard key={g.id} group={g} staff={staff.data ?? []} />
            ))}
          </div>
          {groups.data.length > 0 ? (
            <Card title={t('groups.meetingFormTitle')} id="meeting-new">
              <MeetingForm idPrefix="meeting-new" groups={groups.data} staff={staff.data} />
            </Card>
          ) : null}
          <MeetingsList query={meetings} />
          <EditDialog record={editingMeeting} title={t('groups.editMeeting')} onClose={() => editMeeting(null)}>
            {(m) => <MeetingForm idPrefix="meeting-edit" groups={groups.data ?? []} staff={staff.data ?? []} editing={m} />}
          </EditDialog>
        </>
      ) : null}
      <EditDialog record={editingGroup} title={t('groups.editTitle')} onClose={() => editGroup(null)}>
        {(g) => <GroupForm idPrefix="group-edit" editing={g} />}
      </EditDialog>
      <GroupsDeleteDialog />
      <DeletedLink />
    </>
  );
}

function GroupsDeleteDialog() {
  const { deleting, askDelete, changed } = useGroupsStore();
  return <DeleteRecordDialog pending={deleting} onClose={() => askDelete(null)} onDeleted={changed} />;
}
