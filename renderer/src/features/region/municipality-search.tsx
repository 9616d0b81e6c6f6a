import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/form-field';

/** The search over a province's municipalities (name or ISTAT code, on the server): a new search starts from page 1. */
export function MunicipalitySearch({ id, value, onSearch }: { id: string; value: string; onSearch: (search: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="cst-toolbar" role="search" aria-label={t('region.search')}>
      <TextField id={id} label={t('region.search')} hint={t('region.searchHint')} value={value} maxLength={100} onChange={onSearch} />
    </div>
  );
}
