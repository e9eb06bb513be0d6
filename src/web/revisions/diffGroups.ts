import type { EntityChange, PlanDiff } from '../../shared/revisions.js';

/** The parts of the plan compared item by item, in the order the plan presents them. */
export const entityGroups = [
  'goals',
  'evaluation',
  'risks',
  'successFactors',
  'timeline',
  'checklist',
  'organisation',
  'communication',
  'decisions',
] as const satisfies readonly (keyof PlanDiff)[];
export type EntityGroup = (typeof entityGroups)[number];

/**
 * How many sections, items of each kind and texts of the process guide changed, leaving out the
 * kinds that did not.
 */
export function changedGroupCounts(
  diff: PlanDiff,
): { group: 'sections' | EntityGroup | 'processGuide'; count: number }[] {
  const counts = [
    { group: 'sections' as const, count: diff.sections.length },
    ...entityGroups.map((group) => ({ group, count: diff[group].length })),
    { group: 'processGuide' as const, count: diff.processGuide.length },
  ];
  return counts.filter(({ count }) => count > 0);
}

/** Whether two texts have words in common, so that a word-by-word diff says more than before → after. */
export const sharesWords = (parts: EntityChange['fields'][number]['parts']): boolean =>
  parts.some((part) => part.kind === 'same' && part.text.trim() !== '');
