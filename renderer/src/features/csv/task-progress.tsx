import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../app/api-context';
import '../bundles/bundles.css';
import './csv.css';

export interface TaskProgress {
  taskId: string;
  done: number;
  total: number;
}

/**
 * The latest `task.progress` of the given tasks (the backend's push events), until `reset`.
 * `taskIds` must be a stable array (a module constant).
 */
export function useTaskProgress(taskIds: readonly string[]): [TaskProgress | null, () => void] {
  const api = useApi();
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  useEffect(
    () =>
      api.subscribe('task.progress', (p) => {
        if (taskIds.includes(p.taskId)) setProgress({ taskId: p.taskId, done: p.done, total: p.total });
      }),
    [api, taskIds],
  );
  const reset = useCallback(() => setProgress(null), []);
  return [progress, reset];
}

/**
 * The progress bar of the bundles import (same look and accessible name), for any long task.
 * Without `done`/`total` it is indeterminate (no value announced, a moving stripe): work whose
 * end cannot be measured from here.
 */
export function ProgressBar({ id, text, done, total }: { id: string; text: string; done?: number; total?: number }) {
  const measured = done !== undefined && total !== undefined;
  const percent = measured && total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div role="status">
      <p id={id} className="mb-1">
        {text}
      </p>
      <div
        className="cst-progress"
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(measured ? { 'aria-valuenow': percent, 'aria-valuetext': `${percent}%` } : {})}
      >
        <div className={measured ? 'cst-progress-bar' : 'cst-progress-bar cst-progress-working'} style={measured ? { width: `${percent}%` } : undefined} />
      </div>
    </div>
  );
}
