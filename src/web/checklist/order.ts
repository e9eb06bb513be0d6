export type Direction = 'up' | 'down';

/**
 * Where an activity goes in its group (the zero-based index the move API takes) when moved one
 * place up or down the list as the viewer sees it. A filtered list hides some of the group, so the
 * activity passes the neighbour the viewer sees rather than a hidden one. Null when it is already
 * first or last of what is shown.
 */
export function moveTarget(
  groupIds: readonly string[],
  shownIds: readonly string[],
  activityId: string,
  direction: Direction,
): number | null {
  const shownAt = shownIds.indexOf(activityId);
  if (shownAt === -1) return null;
  const neighbour = shownIds[direction === 'up' ? shownAt - 1 : shownAt + 1];
  if (neighbour === undefined) return null;
  const neighbourAt = groupIds.indexOf(neighbour);
  if (neighbourAt === -1 || !groupIds.includes(activityId)) return null;
  // Taking the activity out first shifts a later neighbour one place up: its old index is then
  // the place just after it.
  return neighbourAt;
}
