/** The trainings page's texts, Swedish first; English must have the same keys. */
export const trainingsSv = {
  title: 'Utbildningar',
  intro:
    'Utbildningarna från mallen: föreslå datum, boka tillfällen, markera närvaro och följ personalens utbildning skola för skola.',
};

export const trainingsEn: typeof trainingsSv = {
  title: 'Trainings',
  intro:
    "The template's trainings: propose dates, book sessions, mark attendance and follow the staff training school by school.",
};
