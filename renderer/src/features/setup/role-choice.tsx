import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/domain/ids';

/**
 * Two large choices. Each button's name is all its visible text, title then description (a name
 * shorter than the visible text would fail WCAG 2.5.3, "label in name").
 */
export function RoleChoice({ onChoose }: { onChoose: (role: Role) => void }) {
  const { t } = useTranslation();
  const choices: { role: Role; title: string; text: string }[] = [
    { role: 'municipality', title: t('setup.roleMunicipalityTitle'), text: t('setup.roleMunicipalityText') },
    { role: 'hub', title: t('setup.roleHubTitle'), text: t('setup.roleHubText') },
  ];
  return (
    <ul className="cst-role-choices">
      {choices.map((c) => (
        <li key={c.role}>
          <button
            type="button"
            className="cst-role-choice"
            onClick={() => onChoose(c.role)}
          >
            <span className="cst-role-choice-title">{c.title}</span>
            <span className="cst-role-choice-text">
              {c.text}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
