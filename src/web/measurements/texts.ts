/** The goal follow-up page's texts, Swedish first; English must have the same keys. */
export const measurementsSv = {
  title: 'Måluppföljning',
  intro:
    'Effektmålen mätta över tid: mätningar för hand eller beräknade från exporter ur skolplattformen, status mot målet och diagram.',
};

export const measurementsEn: typeof measurementsSv = {
  title: 'Goal follow-up',
  intro:
    'The effect goals measured over time: measurements by hand or computed from exports of the school platform, status against the target and charts.',
};
