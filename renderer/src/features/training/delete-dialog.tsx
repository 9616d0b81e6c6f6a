import { DeleteRecordDialog } from '../../components/delete-record-dialog';
import { useTrainingStore } from './store';

/** Confirms the deletion asked for in any training list. */
export function TrainingDeleteDialog() {
  const deleting = useTrainingStore((s) => s.deleting);
  const askDelete = useTrainingStore((s) => s.askDelete);
  const changed = useTrainingStore((s) => s.changed);
  return <DeleteRecordDialog pending={deleting} onClose={() => askDelete(null)} onDeleted={changed} />;
}
