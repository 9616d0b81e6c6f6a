import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/errors';
import type { ReportDocument } from '../../../../shared/domain/report-document';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { SelectField } from '../../components/form-field';
import { apiErrorMessage } from '../../i18n/messages';
import { saveFile } from '../../platform/save-file';
import { textToBase64 } from '../hub-views/csv';
import { ReportPreview } from './report-preview';

type Doc = 'plan' | 'statement';
type Feedback = { tone: 'success' | 'danger'; text: string };

/** The reasons the backend gives for a document it could not make, each with its own sentence. */
const REASONS = ['pdf_no_browser', 'pdf_print_failed', 'pdf_print_timeout', 'pdf_write_failed', 'statement_missing'];

/** A document error in the page's language: by its reason when known (what to do next), else by code. */
export function reportErrorText(error: ApiError, t: (key: string, options?: Record<string, unknown>) => string, language: string): string {
  const reason = error.params?.reason;
  if (typeof reason === 'string' && REASONS.includes(reason)) return t(`reportDocs.errors.${reason}`, { ...error.params });
  return apiErrorMessage(error, t as Parameters<typeof apiErrorMessage>[1], language);
}

/**
 * The plan document and a member's statement: the PDF (printed by the backend, then downloaded
 * in the browser or saved through Electron's dialog), an in-app preview that can be printed, and
 * the HTML file. `istat` fixes the member (a municipality's own statement).
 */
export function ReportButtons({ year, istat: fixedIstat }: { year: number; istat?: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const members = useApiQuery('members.list', {});
  const [istat, setIstat] = useState(fixedIstat ?? '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Feedback | null>(null);
  const [preview, setPreview] = useState<ReportDocument | null>(null);
  const chosen = fixedIstat ?? (istat || members.data?.[0]?.istat || '');
  const input = (doc: Doc) => ({ doc, year, ...(doc === 'statement' ? { istat: chosen } : {}) });
  const fail = (error: ApiError) => setResult({ tone: 'danger', text: reportErrorText(error, t, i18n.language) });

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setResult(null);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const pdf = (doc: Doc) =>
    run(async () => {
      const res = await api.call('report.pdf', input(doc));
      if (!res.ok) return fail(res.error);
      const { fileName, contentBase64 } = res.value;
      if (!contentBase64) return;
      const out = await saveFile({ fileName, contentBase64 });
      if (out.kind === 'downloaded') setResult({ tone: 'success', text: t('reportDocs.pdfDownloaded', { name: out.fileName }) });
      if (out.kind === 'saved') setResult({ tone: 'success', text: t('reportDocs.pdfSaved', { name: out.path }) });
    });
  const show = (doc: Doc) =>
    run(async () => {
      const res = await api.call('report.document', input(doc));
      if (!res.ok) return fail(res.error);
      setPreview(res.value);
    });
  const html = (doc: Doc) =>
    run(async () => {
      const res = await api.call('report.html', input(doc));
      if (!res.ok) return fail(res.error);
      const out = await saveFile({ fileName: `${res.value.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'documento'}.html`, contentBase64: textToBase64(res.value.html) });
      if (out.kind !== 'cancelled') setResult({ tone: 'success', text: t('reportDocs.htmlSaved', { name: out.kind === 'saved' ? out.path : out.fileName }) });
    });
  const toolbar = (doc: Doc, disabled: boolean) => {
    const which = doc === 'plan' ? 'Plan' : 'Statement';
    return (
      <div className="cst-gov-toolbar">
        <button type="button" className="btn btn-primary" disabled={disabled} onClick={() => void pdf(doc)}>
          {t(`reportDocs.pdf${which}`)}
        </button>
        <button type="button" className="btn btn-outline-primary" disabled={disabled} onClick={() => void show(doc)}>
          {t(`reportDocs.preview${which}`)}
        </button>
        <button type="button" className="btn btn-outline-secondary" disabled={disabled} onClick={() => void html(doc)}>
          {t(`reportDocs.html${which}`)}
        </button>
      </div>
    );
  };
  return (
    <Card title={t('reportDocs.title')} id="plan-reports">
      <p className="cst-hint">{t('reportDocs.intro')}</p>
      {fixedIstat ? null : (
        <>
          <h3 className="cst-report-subtitle">{t('reportDocs.planHeading')}</h3>
          {toolbar('plan', busy)}
        </>
      )}
      <h3 className="cst-report-subtitle">{t(fixedIstat ? 'reportDocs.ownStatementHeading' : 'reportDocs.statementHeading')}</h3>
      {fixedIstat ? null : (
        <div className="col-md-6">
          <SelectField id="report-member" label={t('reportDocs.member')} value={chosen} onChange={setIstat} options={(members.data ?? []).map((m) => ({ value: m.istat, label: m.name }))} />
        </div>
      )}
      {toolbar('statement', busy || !chosen)}
      {busy ? <p role="status">{t('reportDocs.working')}</p> : null}
      {result ? (
        <Alert tone={result.tone} live>
          {result.text}
        </Alert>
      ) : null}
      {preview ? <ReportPreview doc={preview} onClose={() => setPreview(null)} /> : null}
    </Card>
  );
}
