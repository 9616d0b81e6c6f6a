import { useTranslation } from 'react-i18next';

/**
 * An identity fingerprint ("52680 40966 …", docs/bundle-format.md) in large, spaced groups, to be
 * read over the phone. Screen readers get the digits one by one (a group read as a number,
 * "fifty-two thousand…", is useless on the phone).
 */
export function Fingerprint({ value, id }: { value: string; id?: string }) {
  const { t } = useTranslation();
  const groups = splitGroups(value);
  const spoken = groups.map((g) => g.split('').join(' ')).join(', ');
  return (
    <p className="cst-fingerprint" id={id}>
      <span className="cst-fingerprint-groups" aria-hidden="true">
        {groups.map((group, i) => (
          <span key={i} className="cst-fingerprint-group">
            {group}
          </span>
        ))}
      </span>
      <span className="visually-hidden">{t('fingerprint.spokenDigits', { digits: spoken })}</span>
    </p>
  );
}

/** Groups as the backend wrote them (space-separated); an unspaced value is cut every 5. */
export function splitGroups(value: string): string[] {
  const trimmed = value.trim();
  if (/\s/.test(trimmed)) return trimmed.split(/\s+/);
  return trimmed.match(/.{1,5}/g) ?? [];
}
