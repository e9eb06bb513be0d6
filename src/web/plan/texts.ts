/** The plan pages' texts, Swedish first; English must have the same keys. */
export const planSv = {
  title: 'Projektplan',
};

export const planEn: typeof planSv = {
  title: 'Project plan',
};
