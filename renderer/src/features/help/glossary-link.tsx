import './help.css';
import { useTranslation } from 'react-i18next';
import { glossaryPath, type GlossaryTerm } from './glossary';

/** "Glossario: Impronta" where a clerk first meets the word: opens its entry in the guide. */
export function GlossaryLink({ term }: { term: GlossaryTerm }) {
  const { t } = useTranslation();
  return (
    <a href={`#${glossaryPath(term)}`} className="cst-glossary-link">
      {t('help.whatIs', { term: t(`glossary.${term}.term`) })}
    </a>
  );
}
