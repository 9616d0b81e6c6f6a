import { useTranslation } from 'react-i18next';
import type { ProposalVersion } from '../../../../shared/domain/proposals';
import { formatDateTime } from '../../i18n/format';
import { fieldLabel, fieldValue } from '../history/history-values';
import { useMunicipalityNames } from './beneficiaries-picker';

const SHOWN = ['title', 'problem', 'solution', 'benefits', 'beneficiaries', 'one_off_cents', 'yearly_cents', 'attachments'] as const;

/** Every stored state of a proposal, newest first, each one's content on request. */
export function ProposalVersions({ versions }: { versions: ProposalVersion[] }) {
  const { t } = useTranslation();
  const codes = [...new Set(versions.flatMap((v) => v.data.beneficiaries))];
  const name = useMunicipalityNames(codes);
  const names = new Map(codes.map((c) => [c, name(c)]));
  return (
    <ol className="cst-history" reversed>
      {[...versions].reverse().map((v) => (
        <li key={v.seq} className="cst-history-item">
          <details>
            <summary className="cst-summary">
              {v.data.status === 'draft' && v.data.version === 0
                ? t('proposals.versionLineDraft', { when: formatDateTime(v.at), who: v.who })
                : t('proposals.versionLine', { version: v.data.version, status: t(`proposals.status_${v.data.status}`), when: formatDateTime(v.at), who: v.who })}
            </summary>
            <dl className="cst-details">
              {SHOWN.map((f) => (
                <div className="cst-detail" key={f}>
                  <dt>{fieldLabel(f, t)}</dt>
                  <dd className="cst-pre">{fieldValue(f, v.data[f], t, names)}</dd>
                </div>
              ))}
            </dl>
          </details>
        </li>
      ))}
    </ol>
  );
}
