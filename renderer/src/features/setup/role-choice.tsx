import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/domain/ids';

/** Two large choices; each button's name is its title, its description is the text below. */
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
            aria-labelledby={`role-${c.role}-title`}
            aria-describedby={`role-${c.role}-text`}
            onClick={() => onChoose(c.role)}
          >
            <span id={`role-${c.role}-title`} className="cst-role-choice-title">{c.title}</span>
            <span id={`role-${c.role}-text`} className="cst-role-choice-text">
              {c.text}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
