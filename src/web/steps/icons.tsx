import type { StepRequirement, stepStates } from '../../shared/steps.js';
import { LineIcon } from '../layout/LineIcon.js';

type StepState = (typeof stepStates)[number];

/** Each state has its own shape beside its word: a tick, an arrow, an open ring. */
export function StepStateIcon({ state }: { state: StepState }) {
  if (state === 'done') {
    return (
      <LineIcon>
        <circle cx="12" cy="12" r="9" />
        <path d="M8 12l3 3l5-6" />
      </LineIcon>
    );
  }
  if (state === 'current') {
    return (
      <LineIcon>
        <circle cx="12" cy="12" r="9" />
        <path d="M10 8l4 4l-4 4" />
      </LineIcon>
    );
  }
  return (
    <LineIcon>
      <circle cx="12" cy="12" r="9" strokeDasharray="3 3" />
    </LineIcon>
  );
}

export function RequirementIcon({ requirement }: { requirement: Pick<StepRequirement, 'done'> }) {
  return requirement.done ? (
    <LineIcon>
      <path d="M5 12l5 5l9-10" />
    </LineIcon>
  ) : (
    <LineIcon>
      <rect x="5" y="5" width="14" height="14" rx="2" />
    </LineIcon>
  );
}
