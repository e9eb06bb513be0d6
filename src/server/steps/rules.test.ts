import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDefaultTemplateFile } from '../templates/service.js';
import { deriveSteps, type StepActivity, type StepKeyActivity, stepInForce } from './rules.js';

const steps = readDefaultTemplateFile().content.implementationSteps;
const TODAY = '2027-03-01';

const activitiesOf = (done: (key: string) => boolean): StepActivity[] =>
  steps.flatMap((step) =>
    step.checklistActivityKeys.map((key) => ({
      id: key,
      templateKey: key,
      title: key,
      deadline: null,
      done: done(key),
    })),
  );
const keyActivitiesOf = (date: (key: string) => string | null): StepKeyActivity[] =>
  steps.flatMap((step) =>
    step.keyActivityKeys.map((key) => ({ id: key, templateKey: key, title: key, date: date(key) })),
  );

/** Every requirement of steps 1..n met, nothing after. */
function projectThrough(n: number) {
  const met = new Set(
    steps.filter((step) => step.number <= n).flatMap((s) => [...s.checklistActivityKeys, ...s.keyActivityKeys]),
  );
  return {
    activities: activitiesOf((key) => met.has(key)),
    keyActivities: keyActivitiesOf((key) => (met.has(key) ? '2027-02-01' : '2027-06-01')),
  };
}

describe('the step a project is in', () => {
  it('is the first step whose requirements are not all met, and lists them', () => {
    const { activities, keyActivities } = projectThrough(3);
    const result = deriveSteps(steps, activities, keyActivities, TODAY);
    expect(result.derived).toBe(4);
    expect(result.allDone).toBe(false);
    const fourth = result.steps[3];
    expect(fourth.title).toBe('Projektplan: bakgrund, mål och utvärdering');
    expect(fourth.requirements.filter((requirement) => !requirement.done).map((requirement) => requirement.id)).toEqual(
      [
        'bakgrund-mal-utvardering',
        'processanalys',
        'rubriker',
        'tidsplan-tillgang',
        'projektplan-paborjas',
        'projektplan-klar',
      ],
    );
  });

  it('counts a key activity as held only once its day has passed, and an undated one never', () => {
    const { activities } = projectThrough(10);
    const today = deriveSteps(
      steps,
      activities,
      keyActivitiesOf(() => TODAY),
      TODAY,
    );
    expect(today.derived).toBe(2);
    const undated = deriveSteps(
      steps,
      activities,
      keyActivitiesOf(() => null),
      TODAY,
    );
    expect(undated.derived).toBe(2);
    const past = deriveSteps(
      steps,
      activities,
      keyActivitiesOf(() => '2027-02-28'),
      TODAY,
    );
    expect(past).toMatchObject({ derived: 10, allDone: true });
  });

  it('does not skip an open step because a later one is done', () => {
    const { activities, keyActivities } = projectThrough(10);
    const reopened = activities.map((activity) =>
      activity.templateKey === 'avtalspaskrift' ? { ...activity, done: false } : activity,
    );
    expect(deriveSteps(steps, reopened, keyActivities, TODAY).derived).toBe(1);
  });

  it('does not require what the project no longer has', () => {
    const { activities, keyActivities } = projectThrough(5);
    const withoutTests = keyActivities.filter((key) => key.templateKey !== 'tester');
    expect(deriveSteps(steps, activities, withoutTests, TODAY).derived).toBe(7);
  });

  it('never moves back when one more requirement is met', () => {
    const keys = steps.flatMap((step) => step.checklistActivityKeys);
    fc.assert(
      fc.property(fc.subarray(keys), fc.constantFrom(...keys), (doneKeys, extra) => {
        const before = deriveSteps(
          steps,
          activitiesOf((key) => doneKeys.includes(key)),
          keyActivitiesOf(() => '2027-01-01'),
          TODAY,
        );
        const after = deriveSteps(
          steps,
          activitiesOf((key) => doneKeys.includes(key) || key === extra),
          keyActivitiesOf(() => '2027-01-01'),
          TODAY,
        );
        return after.derived >= before.derived;
      }),
    );
  });
});

describe('the step in force', () => {
  it('follows the data without a decision, or when released', () => {
    expect(stepInForce(6, null, false)).toBe(6);
    expect(stepInForce(6, { stepNumber: null, derivedStepNumber: 4 }, false)).toBe(6);
  });

  it('holds a project back however far the data runs ahead', () => {
    const held = { stepNumber: 4, derivedStepNumber: 6 };
    expect(stepInForce(6, held, false)).toBe(4);
    expect(stepInForce(9, held, false)).toBe(4);
    expect(stepInForce(3, held, false)).toBe(3);
  });

  it('keeps a project moved on at least at the chosen step, and lets the data take it further', () => {
    const moved = { stepNumber: 7, derivedStepNumber: 5 };
    expect(stepInForce(5, moved, false)).toBe(7);
    expect(stepInForce(8, moved, false)).toBe(8);
  });

  it('puts a closed project past every step', () => {
    expect(stepInForce(3, { stepNumber: 4, derivedStepNumber: 6 }, true)).toBe(10);
  });
});
