import './help.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/domain/ids';
import { Card } from '../../components/card';
import { PageTitle } from '../../components/page-title';
import { focusElementById } from '../../platform/document';
import { GLOSSARY_TERMS, glossaryId, isGlossaryTerm } from './glossary';

const STEPS = ['s1', 's2', 's3', 's4', 's5', 's6'] as const;

/**
 * "Guida": the first steps of this workstation's role (both roles before the setup, when the
 * role is not chosen yet) and the glossary. `#/help/<term>` opens it on that word's entry.
 */
export function HelpPage({ role, term }: { role: Role | null; term: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!isGlossaryTerm(term)) return;
    // After the shell has focused the page's title (its effect runs after this one).
    const timer = setTimeout(() => focusElementById(glossaryId(term)), 0);
    return () => clearTimeout(timer);
  }, [term]);
  return (
    <>
      <PageTitle>{t('help.title')}</PageTitle>
      <p className="cst-lead">{t('help.intro')}</p>
      {role === null ? (
        <>
          <p>
            <a href="#/" className="cst-link-strong">
              {t('help.backToSetup')}
            </a>
          </p>
          <Card title={t('help.setupStepsTitle')} id="help-setup">
            <ol className="cst-help-steps">
              {(['s1', 's2', 's3'] as const).map((s) => (
                <li key={s}>{t(`help.setupSteps.${s}`)}</li>
              ))}
            </ol>
          </Card>
        </>
      ) : null}
      {role !== 'hub' ? <Steps id="help-municipality" title={t('help.firstStepsMunicipality')} prefix="help.municipalitySteps" /> : null}
      {role !== 'municipality' ? <Steps id="help-hub" title={t('help.firstStepsHub')} prefix="help.hubSteps" /> : null}
      {role === 'municipality' ? (
        <Card title={t('help.mistakesTitle')} id="help-mistakes">
          <p>{t('help.mistakesText')}</p>
          <a href="#/deleted" className="cst-link-strong">
            {t('help.deletedLink')}
          </a>
        </Card>
      ) : null}
      <Card title={t('help.glossaryTitle')} id="help-glossary">
        <p>{t('help.glossaryIntro')}</p>
        <dl className="cst-glossary">
          {GLOSSARY_TERMS.map((g) => (
            <div key={g} className={`cst-glossary-entry${g === term ? ' cst-glossary-current' : ''}`}>
              <dt id={glossaryId(g)} tabIndex={-1}>
                {t(`glossary.${g}.term`)}
              </dt>
              <dd>{t(`glossary.${g}.text`)}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </>
  );
}

function Steps({ id, title, prefix }: { id: string; title: string; prefix: 'help.municipalitySteps' | 'help.hubSteps' }) {
  const { t } = useTranslation();
  return (
    <Card title={title} id={id}>
      <ol className="cst-help-steps">
        {STEPS.map((s) => (
          <li key={s}>{t(`${prefix}.${s}`)}</li>
        ))}
      </ol>
    </Card>
  );
}
