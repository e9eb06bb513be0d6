/** The step bar's texts, Swedish first; English must have the same keys. */
export const stepsSv = {
  title: 'Införandets tio steg',
};

export const stepsEn: typeof stepsSv = {
  title: 'The ten implementation steps',
};
