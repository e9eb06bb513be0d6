/** The steering page's texts, Swedish first; English must have the same keys. */
export const steeringSv = {
  title: 'Styrning',
};

export const steeringEn: typeof steeringSv = {
  title: 'Steering',
};
