import { useTranslation } from 'react-i18next';
import type { Joiner } from '../../../../shared/domain/proposal-joins';
import { formatDate } from '../../i18n/format';

/** The members that joined a proposal, by town name, with the date and their note. */
export function JoinersList({ joiners, label }: { joiners: readonly Joiner[]; label: string }) {
  const { t } = useTranslation();
  if (joiners.length === 0) return <p>{t('joins.joinersNone')}</p>;
  return (
    <>
      <p>{t('joins.joinersCount', { count: joiners.length })}</p>
      <ul className="cst-joiners" aria-label={label}>
        {joiners.map((j) => (
          <li key={j.istat}>
            <strong>{j.name}</strong>, {t('joins.joinedOn', { date: formatDate(j.joinedAt) })}
            {j.note ? <p className="cst-pre cst-joiner-note">{j.note}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
