/** The communication page's texts, Swedish first; English must have the same keys. */
export const communicationSv = {
  title: 'Kommunikation',
  intro: 'Kommunikationsplanen för varje målgrupp och den processinriktade lathunden.',
};

export const communicationEn: typeof communicationSv = {
  title: 'Communication',
  intro: 'The communication plan for every audience and the process guide.',
};
