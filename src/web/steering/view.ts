import type { Goal } from '../../shared/plan.js';
import type {
  ChangeRequest,
  ChangeRequestInput,
  DecisionLink,
  decisionLinkKinds,
  goalChangeFields,
} from '../../shared/steering.js';
import { formatKronor } from '../plan/format.js';

export type GoalChangeField = (typeof goalChangeFields)[number];
export type LinkKind = (typeof decisionLinkKinds)[number];

/** The actual amount in percent of the planned one, rounded; null when nothing is planned. */
export const spentPercent = (actualSek: number, plannedSek: number): number | null =>
  plannedSek > 0 ? Math.round((actualSek / plannedSek) * 100) : null;

/** "+22 000 kr" over, "−5 000 kr" under: the sign says which, so colour is not the only signal. */
export function signedKronor(amount: number): string {
  if (amount > 0) return `+${formatKronor(amount)}`;
  if (amount < 0) return `−${formatKronor(-amount)}`;
  return formatKronor(0);
}

export const isDateField = (field: GoalChangeField): boolean => field === 'targetDate' || field === 'dueDate';

/** What a request may change in a goal: an effect goal's target and its date, a project goal's due date and budget. */
export const changeableFields = (kind: Goal['kind']): GoalChangeField[] =>
  kind === 'effect' ? ['target', 'targetDate'] : ['dueDate', 'budgetSek'];

/** The change request form as typed: '' for a choice not made or a value not given. */
export type ChangeRequestValues = {
  title: string;
  areas: string[];
  change: string;
  reason: string;
  consequence: string;
  proposal: string;
  meetingId: string;
  dateChanges: { keyActivityId: string; to: string }[];
  goalChanges: { goalId: string; field: string; to: string | number }[];
};

export const emptyChangeRequest: ChangeRequestValues = {
  title: '',
  areas: [],
  change: '',
  reason: '',
  consequence: '',
  proposal: '',
  meetingId: '',
  dateChanges: [],
  goalChanges: [],
};

export const changeRequestValuesOf = (request: ChangeRequest): ChangeRequestValues => ({
  title: request.title,
  areas: request.areas,
  change: request.change,
  reason: request.reason,
  consequence: request.consequence,
  proposal: request.proposal,
  meetingId: request.meeting?.id ?? '',
  dateChanges: request.dateChanges.map(({ keyActivityId, to }) => ({ keyActivityId, to })),
  goalChanges: request.goalChanges.map(({ goalId, field, to }) => ({ goalId, field, to })),
});

/**
 * The request as the API takes it. Choices not made and values not given are left out, so the
 * shared schema names what is missing at the right field.
 */
export function changeRequestBody(values: ChangeRequestValues) {
  const given = <Value>(value: Value | '') => (value === '' ? undefined : value);
  return {
    title: values.title,
    areas: values.areas as ChangeRequestInput['areas'],
    change: values.change,
    reason: values.reason,
    consequence: values.consequence,
    proposal: values.proposal,
    meetingId: values.meetingId === '' ? null : values.meetingId,
    dateChanges: values.dateChanges.map((change) => ({
      keyActivityId: change.keyActivityId,
      to: change.to,
    })),
    goalChanges: values.goalChanges.map((change) => ({
      goalId: change.goalId,
      field: given(change.field) as GoalChangeField,
      to: given(change.to) as number | string,
    })),
  };
}

/** The targets a decision is linked to, chosen per kind in the form. */
export type LinkChoice = Record<LinkKind, string[]>;

export const linkKindsInOrder: LinkKind[] = ['section', 'goal', 'keyActivity', 'activity'];

export const linkChoiceOf = (links: DecisionLink[]): LinkChoice => {
  const choice: LinkChoice = { section: [], goal: [], keyActivity: [], activity: [] };
  for (const link of links) choice[link.kind].push(link.targetId);
  return choice;
};

export const linksOf = (choice: LinkChoice): DecisionLink[] =>
  linkKindsInOrder.flatMap((kind) => choice[kind].map((targetId) => ({ kind, targetId })));
