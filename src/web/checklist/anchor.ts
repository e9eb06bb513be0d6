const PREFIX = 'aktivitet-';

/** The element id of an activity's row, which reminder e-mails link to as `#aktivitet-<id>`. */
export const activityAnchor = (activityId: string): string => `${PREFIX}${activityId}`;

/** The activity a page address's hash points at, if any. */
export function activityIdFromHash(hash: string): string | null {
  let anchor: string;
  try {
    anchor = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return null;
  }
  return anchor.startsWith(PREFIX) && anchor.length > PREFIX.length ? anchor.slice(PREFIX.length) : null;
}

/** The link to an activity on its project's checklist. */
export const activityLink = (projectId: string, activityId: string): string =>
  `/projekt/${projectId}#${activityAnchor(activityId)}`;
