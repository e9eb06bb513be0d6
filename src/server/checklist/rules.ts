import type { Activity, ChecklistQuery } from '../../shared/checklist.js';
import { addDays } from '../core/days.js';

/** How far ahead "soon" looks: the next two weeks, today included. */
export const SOON_DAYS = 14;

/** Who is looking, as far as "mine" goes. */
export interface Viewer {
  personId: string | null;
  /** The roles the viewer's person holds in the activity's project. */
  heldRoleKeys: ReadonlySet<string>;
}

/** Who answers for an activity, as far as "mine" needs to know. */
interface Responsibility {
  customerResponsible: readonly { key: string }[];
  vendorResponsible: readonly { key: string }[];
  customerPerson: { id: string } | null;
  vendorPerson: { id: string } | null;
}

/**
 * An activity is the viewer's when the viewer is the person named on a side, or when no one is
 * named on that side and the viewer holds one of that side's responsible roles: naming a person
 * takes the activity off the others who hold the role.
 */
export function isMine(activity: Responsibility, viewer: Viewer): boolean {
  const side = (roles: readonly { key: string }[], person: { id: string } | null) =>
    person ? person.id === viewer.personId : roles.some((role) => viewer.heldRoleKeys.has(role.key));
  return (
    side(activity.customerResponsible, activity.customerPerson) ||
    side(activity.vendorResponsible, activity.vendorPerson)
  );
}

export const isOverdue = (activity: Pick<Activity, 'done' | 'deadline'>, today: string): boolean =>
  activity.done === null && activity.deadline !== null && activity.deadline < today;

export const isDueSoon = (activity: Pick<Activity, 'deadline'>, today: string): boolean =>
  activity.deadline !== null && activity.deadline >= today && activity.deadline <= addDays(today, SOON_DAYS - 1);

/** Whether something the activity waits for is due later than the activity itself. */
export const dueBeforeDependency = (deadline: string | null, dependsOn: { deadline: string | null }[]): boolean =>
  deadline !== null && dependsOn.some((dependency) => dependency.deadline !== null && dependency.deadline > deadline);

const hasSide = (roles: unknown[], person: unknown) => roles.length > 0 || person !== null;

/** Whether an activity passes every filter of the query; filters left out let everything through. */
export function matchesQuery(
  activity: Activity,
  query: ChecklistQuery,
  situation: { today: string; viewer: Viewer },
): boolean {
  // An empty `group=` is the picker's "all groups".
  if (query.group && activity.groupKey !== query.group) return false;
  if (query.status === 'open' && activity.done !== null) return false;
  if (query.status === 'done' && activity.done === null) return false;
  if (query.side === 'customer' && !hasSide(activity.customerResponsible, activity.customerPerson)) return false;
  if (query.side === 'vendor' && !hasSide(activity.vendorResponsible, activity.vendorPerson)) return false;
  switch (query.filter) {
    case 'mine':
      return isMine(activity, situation.viewer);
    case 'overdue':
      return isOverdue(activity, situation.today);
    case 'soon':
      return isDueSoon(activity, situation.today);
    default:
      return true;
  }
}

/** Soonest deadline first, no deadline last. */
export const bySoonestDeadline = (a: { deadline: string | null }, b: { deadline: string | null }): number => {
  if (a.deadline === b.deadline) return 0;
  if (a.deadline === null) return 1;
  if (b.deadline === null) return -1;
  return a.deadline < b.deadline ? -1 : 1;
};

/**
 * Whether letting `activityId` wait for `dependsOn` closes a loop: one of them already waits,
 * directly or through others, for `activityId` (or is it).
 */
export function waitsForItself(
  activityId: string,
  dependsOn: readonly string[],
  edges: readonly { activityId: string; dependsOnId: string }[],
): boolean {
  const waitsFor = new Map<string, string[]>();
  for (const edge of edges) {
    if (edge.activityId === activityId) continue;
    waitsFor.set(edge.activityId, [...(waitsFor.get(edge.activityId) ?? []), edge.dependsOnId]);
  }
  const seen = new Set<string>();
  const pending = [...dependsOn];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    if (current === activityId) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    pending.push(...(waitsFor.get(current) ?? []));
  }
  return false;
}

/**
 * The project's activities in their new order after moving one to `index` in a group: groups in
 * the template's order (activities of groups the template no longer has keep their place after
 * them), positions numbered from 0 through the whole project.
 */
export function reorderActivities(
  activities: readonly { id: string; groupKey: string }[],
  groupOrder: readonly string[],
  move: { id: string; groupKey: string; index: number },
): { id: string; groupKey: string; position: number }[] {
  const rank = (groupKey: string) => {
    const index = groupOrder.indexOf(groupKey);
    return index === -1 ? groupOrder.length : index;
  };
  const others = activities.filter((activity) => activity.id !== move.id);
  // A stable sort keeps each group's own order.
  const ordered = [...others].sort((a, b) => rank(a.groupKey) - rank(b.groupKey));
  const inTargetGroup = ordered.filter((activity) => activity.groupKey === move.groupKey);
  const before = inTargetGroup[Math.min(move.index, inTargetGroup.length) - 1];
  const insertAt = before
    ? ordered.indexOf(before) + 1
    : ordered.findIndex((activity) => rank(activity.groupKey) >= rank(move.groupKey));
  const moved = { id: move.id, groupKey: move.groupKey };
  if (insertAt === -1) ordered.push(moved);
  else ordered.splice(insertAt, 0, moved);
  return ordered.map((activity, position) => ({ ...activity, position }));
}
