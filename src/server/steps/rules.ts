import type { StepRequirement } from '../../shared/steps.js';
import type { TemplateContent } from '../../shared/templates.js';

type TemplateStep = TemplateContent['implementationSteps'][number];

export interface StepActivity {
  id: string;
  templateKey: string | null;
  title: string;
  deadline: string | null;
  done: boolean;
}

export interface StepKeyActivity {
  id: string;
  templateKey: string | null;
  title: string;
  date: string | null;
}

export interface DerivedStep {
  number: number;
  key: string;
  title: string;
  description: string;
  requirements: StepRequirement[];
  complete: boolean;
}

export interface DerivedSteps {
  /** The first step whose requirements are not all met; the last step when every one is. */
  derived: number;
  allDone: boolean;
  steps: DerivedStep[];
}

/**
 * Which of the template's ten steps a project is in, from its data alone. A step requires its
 * checklist activities done and its key activities held (a key activity is a moment: held once its
 * day has passed, as on the timeline). What the project no longer has (a removed activity) is not
 * required. Steps are taken in order: a later step done early does not skip an earlier one.
 */
export function deriveSteps(
  templateSteps: readonly TemplateStep[],
  activities: readonly StepActivity[],
  keyActivities: readonly StepKeyActivity[],
  today: string,
): DerivedSteps {
  const activityByKey = new Map(
    activities.flatMap((activity) => (activity.templateKey ? [[activity.templateKey, activity]] : [])),
  );
  const keyActivityByKey = new Map(keyActivities.flatMap((key) => (key.templateKey ? [[key.templateKey, key]] : [])));
  const steps = [...templateSteps]
    .sort((a, b) => a.number - b.number)
    .map((step): DerivedStep => {
      const requirements: StepRequirement[] = [
        ...step.checklistActivityKeys.flatMap((key) => {
          const activity = activityByKey.get(key);
          return activity
            ? [
                {
                  kind: 'activity' as const,
                  id: activity.id,
                  title: activity.title,
                  done: activity.done,
                  date: activity.deadline,
                },
              ]
            : [];
        }),
        ...step.keyActivityKeys.flatMap((key) => {
          const keyActivity = keyActivityByKey.get(key);
          return keyActivity
            ? [
                {
                  kind: 'keyActivity' as const,
                  id: keyActivity.id,
                  title: keyActivity.title,
                  done: keyActivity.date !== null && keyActivity.date < today,
                  date: keyActivity.date,
                },
              ]
            : [];
        }),
      ];
      return {
        number: step.number,
        key: step.key,
        title: step.title,
        description: step.description,
        requirements,
        complete: requirements.every((requirement) => requirement.done),
      };
    });
  const firstOpen = steps.find((step) => !step.complete);
  return { derived: firstOpen?.number ?? steps.length, allDone: firstOpen === undefined, steps };
}

export interface StepDecisionInForce {
  /** Null: the data decides again. */
  stepNumber: number | null;
  /** The data's step when the decision was taken. */
  derivedStepNumber: number;
}

export type StepDirection = 'hold' | 'advance' | 'follow_data';

export function decisionDirection(decision: StepDecisionInForce): StepDirection {
  if (decision.stepNumber === null) return 'follow_data';
  return decision.stepNumber > decision.derivedStepNumber ? 'advance' : 'hold';
}

/**
 * The step shown. A project held back stays at its step however far the data runs ahead, until
 * released; a project moved on is at least at the chosen step, and goes further when the data
 * does. A closed project has passed every step.
 */
export function stepInForce(derived: number, decision: StepDecisionInForce | null, closed: boolean): number {
  if (closed) return 10;
  if (!decision || decision.stepNumber === null) return derived;
  return decisionDirection(decision) === 'advance'
    ? Math.max(derived, decision.stepNumber)
    : Math.min(derived, decision.stepNumber);
}
