import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { acknowledgementsEn, acknowledgementsSv } from '../acknowledgements/texts.js';
import { checklistEn, checklistSv } from '../checklist/texts.js';
import { closureEn, closureSv } from '../closure/texts.js';
import { communicationEn, communicationSv } from '../communication/texts.js';
import { deliveryEn, deliverySv } from '../delivery/texts.js';
import { measurementsEn, measurementsSv } from '../measurements/texts.js';
import { planEn, planSv } from '../plan/texts.js';
import { portfolioEn, portfolioSv } from '../portfolio/texts.js';
import { revisionsEn, revisionsSv } from '../revisions/texts.js';
import { ssoEn, ssoSv } from '../sso/texts.js';
import { steeringEn, steeringSv } from '../steering/texts.js';
import { stepsEn, stepsSv } from '../steps/texts.js';
import { tasksEn, tasksSv } from '../tasks/texts.js';
import { timelineEn, timelineSv } from '../timeline/texts.js';
import { trainingsEn, trainingsSv } from '../trainings/texts.js';
import { en } from './en.js';
import { sv } from './sv.js';

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

const LANGUAGE_KEY = 'stegvis.language';
const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
const initial: Language = stored === 'en' ? 'en' : 'sv';

void i18next.use(initReactI18next).init({
  // Domains with many texts keep them beside their pages, under their own key.
  resources: {
    sv: {
      translation: {
        ...sv,
        checklist: checklistSv,
        plan: planSv,
        revisions: revisionsSv,
        tasks: tasksSv,
        timeline: timelineSv,
        trainings: trainingsSv,
        communication: communicationSv,
        delivery: deliverySv,
        measurements: measurementsSv,
        portfolio: portfolioSv,
        steps: stepsSv,
        closure: closureSv,
        steering: steeringSv,
        acknowledgements: acknowledgementsSv,
        sso: ssoSv,
      },
    },
    en: {
      translation: {
        ...en,
        checklist: checklistEn,
        plan: planEn,
        revisions: revisionsEn,
        tasks: tasksEn,
        timeline: timelineEn,
        trainings: trainingsEn,
        communication: communicationEn,
        delivery: deliveryEn,
        measurements: measurementsEn,
        portfolio: portfolioEn,
        steps: stepsEn,
        closure: closureEn,
        steering: steeringEn,
        acknowledgements: acknowledgementsEn,
        sso: ssoEn,
      },
    },
  },
  lng: initial,
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = initial;

export function changeLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export { i18next };
