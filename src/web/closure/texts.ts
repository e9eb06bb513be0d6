/** The closure page's texts, Swedish first; English must have the same keys. */
export const closureSv = {
  title: 'Avslut',
};

export const closureEn: typeof closureSv = {
  title: 'Closure',
};
