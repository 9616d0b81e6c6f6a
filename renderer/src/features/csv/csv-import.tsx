import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CSV_MAX_BYTES, type CsvImportKind, type CsvPreview } from '../../../../shared/domain/csv';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { FileField } from '../../components/file-field';
import { useToastStore } from '../../components/toast-store';
import { formatNumber } from '../../i18n/format';
import { messageText, type Message } from '../../i18n/messages';
import { readFileAsBase64 } from '../../platform/read-file';
import { csvErrorMessage, csvProblemMessage } from './csv-messages';
import { ProgressBar, useTaskProgress, type TaskProgress } from './task-progress';

/** The backend's tasks of a CSV import (electron/core/municipality/csv/csv-service.ts). */
const CSV_TASKS = ['csv.check', 'csv.import'] as const;
/** The catalogue's name of each separator the backend may have detected (usage.separator_*). */
const SEPARATOR_NAMES: Record<CsvPreview['separator'], string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };

interface Loaded {
  name: string;
  contentBase64: string;
  preview: CsvPreview;
}

/**
 * CSV import with a preview (`csv.preview` never writes): every row's problem in words, each bad
 * row excluded only by an explicit choice, then `csv.import` of the rows left.
 */
export function CsvImport({ kind, onImported }: { kind: CsvImportKind; onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const showToast = useToastStore((s) => s.show);
  const inputId = useId();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [progress, resetProgress] = useTaskProgress(CSV_TASKS);

  const onFile = async (file: File | undefined) => {
    setError(null);
    setLoaded(null);
    setExcluded(new Set());
    if (!file) return;
    if (file.size > CSV_MAX_BYTES) {
      setError({ key: 'usage.csvTooBig' });
      return;
    }
    setBusy('reading');
    resetProgress();
    const picked = await readFileAsBase64(file);
    const result = await api.call('csv.preview', { kind, contentBase64: picked.contentBase64 });
    setBusy(null);
    if (!result.ok) {
      setError(csvErrorMessage(result.error));
      return;
    }
    setLoaded({ name: file.name, contentBase64: picked.contentBase64, preview: result.value });
  };

  const bad = loaded ? [...new Set([...loaded.preview.invalidRows, ...loaded.preview.duplicateRows])].sort((a, b) => a - b) : [];
  const stillBad = bad.filter((r) => !excluded.has(r));
  // The rows that would go in: every row neither excluded nor in error.
  const toImport = loaded ? loaded.preview.rows - new Set([...excluded, ...bad]).size : 0;

  const toggle = (row: number, on: boolean) =>
    setExcluded((s) => {
      const next = new Set(s);
      if (on) next.add(row);
      else next.delete(row);
      return next;
    });

  const onImport = async () => {
    if (!loaded || stillBad.length > 0) return;
    setBusy('importing');
    resetProgress();
    const result = await api.call('csv.import', { kind, contentBase64: loaded.contentBase64, exclude: [...excluded].sort((a, b) => a - b) });
    setBusy(null);
    if (!result.ok) {
      setError(csvErrorMessage(result.error));
      return;
    }
    showToast('success', { key: kind === 'staff' ? 'training.csvImported' : 'usage.csvImported', params: { count: result.value.imported, excluded: result.value.excluded.length } });
    setLoaded(null);
    setExcluded(new Set());
    onImported();
  };

  const problemsOf = (row: number) => loaded?.preview.problems.filter((p) => p.row === row) ?? [];
  const fileProblems = loaded?.preview.problems.filter((p) => !bad.includes(p.row)) ?? [];

  return (
    <div className="cst-csv">
      <FileField id={inputId} label={t('usage.csvFile')} hint={t('usage.csvFileHint')} accept=".csv,text/csv" onFiles={(files) => void onFile(files[0])} />
      {busy === 'reading' && !progress ? <p role="status">{t('usage.csvReading')}</p> : null}
      {busy && progress ? <CsvProgress id={`${inputId}-progress`} progress={progress} importing={busy === 'importing'} /> : null}
      {error ? (
        <Alert tone="danger" live>
          {messageText(error, t, i18n.language)}
        </Alert>
      ) : null}
      {loaded ? (
        <section className="cst-csv-preview" aria-labelledby={`${inputId}-preview`}>
          <h3 id={`${inputId}-preview`} className="cst-subtitle">
            {t('usage.csvPreviewTitle', { name: loaded.name })}
          </h3>
          <p>{t('usage.csvSummary', { rows: loaded.preview.rows, valid: formatNumber(loaded.preview.validRows), encoding: t(`usage.encoding_${loaded.preview.encoding.replace('utf-8', 'utf8')}`), separator: t(`usage.separator_${SEPARATOR_NAMES[loaded.preview.separator]}`) })}</p>
          {fileProblems.map((p, i) => (
            <Alert key={i} tone="danger">
              {messageText(csvProblemMessage(p), t, i18n.language)}
            </Alert>
          ))}
          {bad.length === 0 ? (
            <Alert tone="success" live>
              {t('usage.csvAllValid')}
            </Alert>
          ) : (
            <>
              <Alert tone="warning" live>
                {t('usage.csvProblems')}
              </Alert>
              <div className="table-responsive">
                <table className="table cst-table">
                  <caption className="cst-caption">{t('usage.csvProblemsCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('usage.csvColRow')}</th>
                      <th scope="col">{t('usage.csvColProblem')}</th>
                      <th scope="col">{t('usage.csvColExclude')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {bad.map((row) => (
                      <tr key={row} className={excluded.has(row) ? 'cst-row-excluded' : undefined}>
                        <th scope="row">{row}</th>
                        <td>
                          <ul className="cst-plain-list">
                            {problemsOf(row).map((p, i) => (
                              <li key={i}>
                                {p.column ? <strong>{p.column}: </strong> : null}
                                {messageText(csvProblemMessage(p), t, i18n.language)}
                              </li>
                            ))}
                            {loaded.preview.duplicateRows.includes(row) && problemsOf(row).length === 0 ? <li>{t('usage.csvDuplicate')}</li> : null}
                          </ul>
                        </td>
                        <td>
                          <div className="form-check cst-check">
                            <input id={`${inputId}-x-${row}`} type="checkbox" className="form-check-input" checked={excluded.has(row)} onChange={(e) => toggle(row, e.target.checked)} />
                            <label htmlFor={`${inputId}-x-${row}`} className="form-check-label">
                              {t('usage.csvExcludeRow', { row })}
                            </label>
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button type="button" className="btn btn-outline-primary" onClick={() => setExcluded(new Set(bad))}>
                {t('usage.csvExcludeAll')}
              </button>
            </>
          )}
          <div className="cst-actions">
            {stillBad.length > 0 ? (
              <p className="cst-field-error" id={`${inputId}-blocked`}>
                {t('usage.csvStillBad', { count: stillBad.length })}
              </p>
            ) : null}
            <button
              type="button"
              className="btn btn-primary btn-lg"
              onClick={() => void onImport()}
              disabled={busy !== null || stillBad.length > 0 || toImport <= 0}
              aria-describedby={stillBad.length > 0 ? `${inputId}-blocked` : undefined}
            >
              {busy === 'importing' ? t('common.saving') : t('usage.csvImport', { count: toImport })}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

/**
 * What the backend is doing: checking rows (measured), then recording them. Recording is one
 * transaction: its progress may only reach the window when it ends, so at 0 the bar says
 * "working" and the sentence says why nothing is saved until the end.
 */
function CsvProgress({ id, progress, importing }: { id: string; progress: TaskProgress; importing: boolean }) {
  const { t } = useTranslation();
  const figures = { done: formatNumber(progress.done), total: formatNumber(progress.total) };
  if (progress.taskId === 'csv.import' && progress.done === 0) return <ProgressBar id={id} text={t('csvProgress.importWorking', { total: progress.total })} />;
  const key = progress.taskId === 'csv.import' ? 'csvProgress.import' : importing ? 'csvProgress.importCheck' : 'csvProgress.check';
  return <ProgressBar id={id} text={t(key, figures)} done={progress.done} total={progress.total} />;
}
