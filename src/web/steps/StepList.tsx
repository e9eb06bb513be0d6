import { useTranslation } from 'react-i18next';
import type { ProjectStep } from '../../shared/steps.js';
import { StepStateIcon } from './icons.js';
import { shortStepTitle } from './shortTitle.js';

/**
 * The ten steps in order, each a button that opens what it requires. The current one carries
 * aria-current="step" and its full title; the others their number and a short title.
 */
export function StepList({
  steps,
  openStep,
  panelId,
  onToggle,
}: {
  steps: ProjectStep[];
  openStep: number | null;
  panelId: string;
  onToggle: (stepNumber: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <ol className="step-bar-list" aria-label={t('steps.listLabel')}>
      {steps.map((step) => {
        const open = openStep === step.number;
        return (
          <li key={step.key}>
            <button
              type="button"
              className="step-bar-step"
              data-state={step.state}
              aria-current={step.state === 'current' ? 'step' : undefined}
              aria-expanded={open}
              aria-controls={open ? panelId : undefined}
              onClick={() => onToggle(step.number)}
            >
              <span className="step-bar-title">
                <span>
                  <span className="visually-hidden">{t('steps.step')} </span>
                  {step.number}
                </span>
                <span>{step.state === 'current' ? step.title : shortStepTitle(step.title)}</span>
              </span>
              <span className="step-bar-state">
                <StepStateIcon state={step.state} />
                {t(`steps.state.${step.state}`)}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
