const PREFIX = 'mal-';

/** The element id of a goal's section, which reminder e-mails link to. */
export const goalAnchor = (goalId: string): string => `${PREFIX}${goalId}`;

/** The goal a page address's hash names (`#mal-<goalId>`), if any. */
export const goalIdFromHash = (hash: string): string | null =>
  hash.startsWith(`#${PREFIX}`) && hash.length > PREFIX.length + 1
    ? decodeURIComponent(hash.slice(PREFIX.length + 1))
    : null;
