import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { SelectField } from '../../components/form-field';
import { apiErrorMessage } from '../../i18n/messages';
import { saveFile } from '../../platform/save-file';
import { textToBase64 } from '../hub-views/csv';

/** Where the backend writes a PDF: the data folder, with its own separator (Windows or POSIX). */
export function pdfPath(dataDir: string, name: string): string {
  const sep = dataDir.includes('\\') && !dataDir.includes('/') ? '\\' : '/';
  return `${dataDir.replace(/[\\/]+$/, '')}${sep}${name}`;
}

/**
 * The plan document and a member's statement: as PDF (printed by the backend's Chromium into the
 * data folder; its path is shown) or as printable HTML saved as a file.
 */
export function ReportButtons({ year, istat: fixedIstat }: { year: number; istat?: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const status = useApiQuery('app.status', {});
  const members = useApiQuery('members.list', {});
  const [istat, setIstat] = useState(fixedIstat ?? '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const chosen = fixedIstat ?? (istat || members.data?.[0]?.istat || '');

  const pdf = async (doc: 'plan' | 'statement') => {
    if (!status.data) return;
    setBusy(true);
    setResult(null);
    const name = doc === 'plan' ? `piano-tecnico-${year}.pdf` : `prospetto-${chosen}-${year}.pdf`;
    const res = await api.call('report.pdf', { doc, year, ...(doc === 'statement' ? { istat: chosen } : {}), out: pdfPath(status.data.dataDir, name) });
    setBusy(false);
    setResult(res.ok ? { tone: 'success', text: t('reports.pdfSaved', { path: res.value.path }) } : { tone: 'danger', text: apiErrorMessage(res.error, t, i18n.language) });
  };
  const html = async (doc: 'plan' | 'statement') => {
    setBusy(true);
    const res = await api.call('report.html', { doc, year, ...(doc === 'statement' ? { istat: chosen } : {}) });
    setBusy(false);
    if (!res.ok) return setResult({ tone: 'danger', text: apiErrorMessage(res.error, t, i18n.language) });
    const out = await saveFile({ fileName: `${res.value.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'documento'}.html`, contentBase64: textToBase64(res.value.html) });
    if (out.kind !== 'cancelled') setResult({ tone: 'success', text: t('reports.htmlSaved', { name: out.kind === 'saved' ? out.path : out.fileName }) });
  };
  return (
    <Card title={t('reports.title')} id="plan-reports">
      <p className="cst-hint">{t('reports.intro')}</p>
      <div className="cst-gov-toolbar">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void pdf('plan')}>
          {t('reports.planPdf')}
        </button>{' '}
        <button type="button" className="btn btn-outline-primary" disabled={busy} onClick={() => void html('plan')}>
          {t('reports.planHtml')}
        </button>
      </div>
      {fixedIstat ? null : (
        <div className="col-md-6">
          <SelectField id="report-member" label={t('reports.member')} value={chosen} onChange={setIstat} options={(members.data ?? []).map((m) => ({ value: m.istat, label: m.name }))} />
        </div>
      )}
      <div className="cst-gov-toolbar">
        <button type="button" className="btn btn-primary" disabled={busy || !chosen} onClick={() => void pdf('statement')}>
          {t('reports.statementPdf')}
        </button>{' '}
        <button type="button" className="btn btn-outline-primary" disabled={busy || !chosen} onClick={() => void html('statement')}>
          {t('reports.statementHtml')}
        </button>
      </div>
      {busy ? <p role="status">{t('reports.working')}</p> : null}
      {result ? (
        <Alert tone={result.tone} live>
          {result.text}
        </Alert>
      ) : null}
    </Card>
  );
}
