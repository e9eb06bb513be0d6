import type { RevisionSummary } from '../../shared/revisions.js';

/** Two versions of the plan side by side: `to` is a revision number or the current draft. */
export type Comparison = { from: number; to: number | 'draft' };

/**
 * What a revision changed: the one before it → it. The first revision has nothing before it, so it
 * is compared with what came after it (the next revision, or the draft when it is the only one).
 */
export function comparisonOf(number: number, newest: number): Comparison {
  if (number > 1) return { from: number - 1, to: number };
  return { from: 1, to: newest > 1 ? 2 : 'draft' };
}

/**
 * The comparison the page opens with: the version named in the notification e-mail's link; for the
 * vendor, the oldest revision they have not read yet (what they have to catch up on); otherwise the
 * newest two. Null when nothing has been sent yet.
 */
export function defaultComparison(
  revisions: RevisionSummary[],
  { requested, viewerIsVendor }: { requested: number | null; viewerIsVendor: boolean },
): Comparison | null {
  if (revisions.length === 0) return null;
  const numbers = revisions.map((revision) => revision.number);
  const newest = Math.max(...numbers);
  if (requested !== null && numbers.includes(requested)) return comparisonOf(requested, newest);
  const unread = revisions.filter((revision) => !revision.readByMe).map((revision) => revision.number);
  if (viewerIsVendor && unread.length > 0) return comparisonOf(Math.min(...unread), newest);
  return comparisonOf(newest, newest);
}

/** The `?version=N` of the link in the notification e-mail, or null. */
export function requestedVersion(search: URLSearchParams): number | null {
  const value = Number(search.get('version'));
  return Number.isInteger(value) && value >= 1 ? value : null;
}
