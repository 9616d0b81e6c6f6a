import '../governance/governance.css';
import { useTranslation } from 'react-i18next';
import { PLAN_STATES } from '../governance/gov-format';

/** draft → proposed by EC → approved by EC → submitted to the Assembly → approved: done, current, to do. */
export function PlanStepper({ state }: { state: string }) {
  const { t } = useTranslation();
  const at = PLAN_STATES.indexOf(state as (typeof PLAN_STATES)[number]);
  return (
    <ol className="cst-stepper" aria-label={t('plan.stepperLabel')}>
      {PLAN_STATES.map((s, i) => {
        // The last step reached is the end of the path: done, not a step still to take.
        const status = i < at || (i === at && at === PLAN_STATES.length - 1) ? 'done' : i === at ? 'current' : 'todo';
        return (
          <li key={s} className={`cst-stepper-step cst-stepper-${status}`} aria-current={status === 'current' ? 'step' : undefined}>
            <span className="cst-stepper-num" aria-hidden="true">
              {status === 'done' ? '✓' : i + 1}
            </span>
            <span className="cst-stepper-label">{t(`plan.state.${s}`)}</span>
            <span className="visually-hidden"> ({t(`plan.stepStatus.${status}`)})</span>
          </li>
        );
      })}
    </ol>
  );
}
