import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/domain/ids';
import { useApi } from '../../app/api-context';
import { Card } from '../../components/card';
import '../help/help.css';
import { useNoticesStore } from './notices-store';

/**
 * "Novità" on the home page: files imported and proposals received since they were last seen,
 * each with the page that shows them. Shown only when there is news; "Segna come già viste"
 * (or opening that page) clears it, for the menu's badges too.
 */
export function NewsCard({ role }: { role: Role }) {
  const { t } = useTranslation();
  const api = useApi();
  const notices = useNoticesStore((s) => s.notices);
  const setNotices = useNoticesStore((s) => s.set);
  const [busy, setBusy] = useState(false);
  if (!notices || (notices.bundles === 0 && notices.proposals === 0)) return null;
  const hub = role === 'hub';
  const seen = async () => {
    setBusy(true);
    const r = await api.call('notices.seen', { what: 'all' });
    setBusy(false);
    if (r.ok) setNotices(r.value);
  };
  return (
    <Card title={t('notices.title')} id="home-news" className="cst-news">
      <ul className="cst-news-list">
        {notices.bundles > 0 ? (
          <li>
            {hub ? t('notices.bundlesHub', { count: notices.bundles }) : t('notices.bundlesMunicipality', { count: notices.bundles })}{' '}
            <a href={hub ? '#/imports' : '#/bundles'}>{hub ? t('notices.openImports') : t('notices.openBundles')}</a>
          </li>
        ) : null}
        {notices.proposals > 0 ? (
          <li>
            {t('notices.proposals', { count: notices.proposals })} <a href="#/proposals">{t('notices.openProposals')}</a>
          </li>
        ) : null}
      </ul>
      <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void seen()} disabled={busy}>
        {t('notices.seen')}
      </button>
    </Card>
  );
}
