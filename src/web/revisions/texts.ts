/** The revisions pages' texts, Swedish first; English must have the same keys. */
export const revisionsSv = {
  title: 'Revisioner',
};

export const revisionsEn: typeof revisionsSv = {
  title: 'Revisions',
};
