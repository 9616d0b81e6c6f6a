import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../../app/status-context';
import { PageTitle } from '../../components/page-title';
import { focusElementById } from '../../platform/document';
import { FingerprintStep } from './fingerprint-step';
import { HubForm } from './hub-form';
import { MunicipalityForm } from './municipality-form';
import { RoleChoice } from './role-choice';
import { useSetupStore } from './store';

const STEP_TITLE_ID = 'setup-step-title';

/** First run: role → the role's form → fingerprint → home. */
export function SetupPage() {
  const { t } = useTranslation();
  const { reloadStatus } = useAppStatus();
  const { step, created, chooseRole, backToRole, leave } = useSetupStore();
  const firstRender = useRef(true);

  // Each step starts with its heading focused: the keyboard and the screen reader follow.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusElementById(STEP_TITLE_ID);
  }, [step]);

  return (
    <div className="cst-setup">
      <PageTitle>{step === 'done' ? t('setup.done.title') : t('setup.title')}</PageTitle>
      {step === 'role' ? (
        <>
          <p className="cst-lead">{t('setup.intro')}</p>
          <h2 className="cst-step-title" id={STEP_TITLE_ID} tabIndex={-1}>
            {t('setup.chooseRole')}
          </h2>
          <RoleChoice onChoose={chooseRole} />
        </>
      ) : null}
      {step === 'municipality' || step === 'hub' ? (
        <>
          <button type="button" className="btn btn-link cst-back" onClick={backToRole}>
            ← {t('setup.back')}
          </button>
          <h2 className="cst-step-title" id={STEP_TITLE_ID} tabIndex={-1}>
            {step === 'municipality' ? t('setup.stepMunicipality') : t('setup.stepHub')}
          </h2>
          {step === 'municipality' ? <MunicipalityForm /> : <HubForm />}
        </>
      ) : null}
      {step === 'done' && created ? (
        <FingerprintStep
          role={created.role}
          onContinue={() => {
            leave();
            reloadStatus();
          }}
        />
      ) : null}
    </div>
  );
}
