import type { Goal, KeyActivity } from '../../shared/plan.js';
import type {
  ChangeRequest,
  ChangeRequestStatus,
  changeAreas,
  Decider,
  goalChangeFields,
} from '../../shared/steering.js';

export const deciderLabels: Record<Decider, string> = {
  styrgrupp: 'Styrgrupp',
  projektgrupp: 'Projektgrupp',
  bestallare: 'Beställare',
};

export const changeAreaLabels: Record<(typeof changeAreas)[number], string> = {
  result: 'Resultat',
  time: 'Tid',
  budget: 'Budget',
};

export type GoalChangeField = (typeof goalChangeFields)[number];

export const goalFieldLabels: Record<GoalChangeField, string> = {
  target: 'målvärde',
  targetDate: 'målvärdet nås senast',
  dueDate: 'klart senast',
  budgetSek: 'budget',
};

/** What a link to a target that has since been removed from the project is called. */
export const REMOVED_TARGET = 'Finns inte längre';

// ---- Who may do what ----

const STEERING_GROUP = 'styrgrupp';
const ORDERER = 'bestallare';

/**
 * The template's Styrgrupp "beslutar om förändringar i projektet": its members decide, and so may
 * the Beställare who ordered the project; someone holding both decides as the Styrgrupp.
 */
export function deciderOf(heldRoleKeys: readonly string[]): Extract<Decider, 'styrgrupp' | 'bestallare'> | null {
  if (heldRoleKeys.includes(STEERING_GROUP)) return 'styrgrupp';
  if (heldRoleKeys.includes(ORDERER)) return 'bestallare';
  return null;
}

interface Viewer {
  permissions: { edit: boolean };
  heldRoleKeys: readonly string[];
  /** A closed project's plan, decisions included, no longer changes. */
  closed: boolean;
}

/** The plan's writers record decisions, and so does the Styrgrupp, whose decisions they mostly are. */
export const mayRecordDecisions = (viewer: Viewer) =>
  !viewer.closed && (viewer.permissions.edit || viewer.heldRoleKeys.includes(STEERING_GROUP));

export const mayDecideChanges = (viewer: Viewer) => !viewer.closed && deciderOf(viewer.heldRoleKeys) !== null;

// ---- Searching the log ----

const normalised = (text: string) => text.normalize('NFC').toLocaleLowerCase('sv');

/**
 * Whether a decision matches every word of `query`: "#3" is decision 3 only, "3" is decision 3 or
 * any text with a 3 in it, other words are looked for in the title, background and decision,
 * whatever their case ("ÅTGÄRDSPROGRAM" finds "åtgärdsprogram").
 */
export function decisionMatches(
  decision: { number: number; title: string; background: string; decision: string },
  query: string,
): boolean {
  const words = normalised(query).split(/\s+/).filter(Boolean);
  const texts = [decision.title, decision.background, decision.decision].map(normalised);
  return words.every((word) => {
    const numbered = /^#(\d+)$/.exec(word);
    if (numbered) return decision.number === Number(numbered[1]);
    if (/^\d+$/.test(word) && decision.number === Number(word)) return true;
    return texts.some((text) => text.includes(word));
  });
}

// ---- Change requests ----

/** Waiting requests first, as they need a decision; then the newest first. */
export const byPendingThenNewest = (
  a: { status: ChangeRequestStatus; number: number },
  b: { status: ChangeRequestStatus; number: number },
) => Number(b.status === 'pending') - Number(a.status === 'pending') || b.number - a.number;

/**
 * Why a goal cannot take this change, or null when it can: an effect goal has a target and a target
 * date, a project goal a due date and a budget; a percentage lies between 0 and 100 and a budget is
 * whole, non-negative kronor.
 */
export function goalChangeProblem(
  goal: Pick<Goal, 'kind' | 'unit'>,
  change: { field: GoalChangeField; to: number | string },
): string | null {
  const fieldsOfKind: Record<Goal['kind'], GoalChangeField[]> = {
    effect: ['target', 'targetDate'],
    project: ['dueDate', 'budgetSek'],
  };
  if (!fieldsOfKind[goal.kind].includes(change.field)) {
    return goal.kind === 'effect'
      ? 'Ett effektmål ändras i målvärde eller datum för målvärdet'
      : 'Ett projektmål ändras i datum eller budget';
  }
  if (typeof change.to !== 'number') return null;
  if (change.field === 'target' && goal.unit === 'percent' && (change.to < 0 || change.to > 100)) {
    return 'En procentsats ligger mellan 0 och 100';
  }
  if (change.field === 'budgetSek' && (!Number.isInteger(change.to) || change.to < 0)) {
    return 'Ange budgeten i hela kronor, inte negativ';
  }
  return null;
}

/**
 * As stored: the change asked for with its target's title when it was asked (so that a removed
 * target is still named), and from the decision on the value the target had then.
 */
export interface StoredDateChange {
  keyActivityId: string;
  to: string;
  title: string;
  from?: string | null;
}

export interface StoredGoalChange {
  goalId: string;
  field: GoalChangeField;
  to: number | string;
  title: string;
  from?: number | string | null;
}

/** Index of the first change naming the same target (and field) as an earlier one, or -1. */
export function firstRepeated<Change>(changes: Change[], identity: (change: Change) => string): number {
  const seen = new Set<string>();
  return changes.findIndex((change) => {
    const key = identity(change);
    if (seen.has(key)) return true;
    seen.add(key);
    return false;
  });
}

interface PlanTargets {
  keyActivities: KeyActivity[];
  goals: Goal[];
}

/**
 * The changes as a reader sees them, "från 1 mars till 15 mars": a decided request's as they stood
 * when it was decided, a waiting one's against the plan as it is now.
 */
export function readableChanges(
  stored: { dateChanges: StoredDateChange[]; goalChanges: StoredGoalChange[] },
  plan: PlanTargets,
): Pick<ChangeRequest, 'dateChanges' | 'goalChanges'> {
  const keyActivities = new Map(plan.keyActivities.map((activity) => [activity.id, activity]));
  const goals = new Map(plan.goals.map((goal) => [goal.id, goal]));
  return {
    dateChanges: stored.dateChanges.map(({ keyActivityId, to, title, from }) => {
      if (from !== undefined) return { keyActivityId, title, from, to };
      const activity = keyActivities.get(keyActivityId);
      return { keyActivityId, title: activity?.title ?? title, from: activity ? activity.date : null, to };
    }),
    goalChanges: stored.goalChanges.map(({ goalId, field, to, title, from }) => {
      if (from !== undefined) return { goalId, field, title, from, to };
      const goal = goals.get(goalId);
      return { goalId, field, title: goal?.title ?? title, from: goal ? goal[field] : null, to };
    }),
  };
}

/**
 * The request's changes with the title and value each target has at the decision, ready to store,
 * and why those that can no longer be made cannot: their target was removed, or a goal became
 * another kind of goal.
 */
export function freezeChanges(
  stored: { dateChanges: StoredDateChange[]; goalChanges: StoredGoalChange[] },
  plan: PlanTargets,
): { dateChanges: Required<StoredDateChange>[]; goalChanges: Required<StoredGoalChange>[]; problems: string[] } {
  const asked = {
    dateChanges: stored.dateChanges.map(({ from: _from, ...change }) => change),
    goalChanges: stored.goalChanges.map(({ from: _from, ...change }) => change),
  };
  const readable = readableChanges(asked, plan);
  const keyActivityIds = new Set(plan.keyActivities.map((activity) => activity.id));
  const goals = new Map(plan.goals.map((goal) => [goal.id, goal]));
  const problems = [
    ...readable.dateChanges
      .filter((change) => !keyActivityIds.has(change.keyActivityId))
      .map((change) => `”${change.title}” har tagits bort ur tidplanen`),
    ...readable.goalChanges.flatMap((change) => {
      const goal = goals.get(change.goalId);
      if (!goal) return [`Målet ”${change.title}” har tagits bort ur planen`];
      const problem = goalChangeProblem(goal, change);
      return problem ? [`”${goal.title}”: ${problem}`] : [];
    }),
  ];
  return {
    dateChanges: readable.dateChanges.map(({ keyActivityId, to, title, from }) => ({ keyActivityId, to, title, from })),
    goalChanges: readable.goalChanges.map(({ goalId, field, to, title, from }) => ({ goalId, field, to, title, from })),
    problems,
  };
}

/** The decision an approved request becomes: its title, what changes and why as background, the proposal as decision. */
export function decisionFromRequest(
  request: Pick<ChangeRequest, 'title' | 'change' | 'reason' | 'consequence' | 'proposal'>,
  comment: string,
): { title: string; background: string; decision: string } {
  return {
    title: request.title,
    background: [
      request.change,
      `Skäl: ${request.reason}`,
      ...(request.consequence.trim() === '' ? [] : [`Konsekvens: ${request.consequence}`]),
    ].join('\n\n'),
    decision: comment.trim() === '' ? request.proposal : `${request.proposal}\n\nKommentar: ${comment}`,
  };
}
