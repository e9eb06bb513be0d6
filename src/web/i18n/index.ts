import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { acknowledgementsSv } from '../acknowledgements/texts.js';
import { checklistSv } from '../checklist/texts.js';
import { closureSv } from '../closure/texts.js';
import { communicationSv } from '../communication/texts.js';
import { deliverySv } from '../delivery/texts.js';
import { measurementsSv } from '../measurements/texts.js';
import { planSv } from '../plan/texts.js';
import { portfolioSv } from '../portfolio/texts.js';
import { revisionsSv } from '../revisions/texts.js';
import { ssoSv } from '../sso/texts.js';
import { steeringSv } from '../steering/texts.js';
import { stepsSv } from '../steps/texts.js';
import { tasksSv } from '../tasks/texts.js';
import { timelineSv } from '../timeline/texts.js';
import { trainingsSv } from '../trainings/texts.js';
import { twoFactorSv } from '../two-factor/texts.js';
import { sv } from './sv.js';

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

const LANGUAGE_KEY = 'stegvis.language';
const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);

// Domains with many texts keep them beside their pages, under their own key.
export const swedish = {
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
  twoFactor: twoFactorSv,
};

// English is added when first chosen (see english.ts); until then Swedish is what there is.
const initialised = i18next.use(initReactI18next).init({
  resources: { sv: { translation: swedish } },
  lng: 'sv',
  fallbackLng: 'sv',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = 'sv';

async function switchLanguage(language: Language): Promise<void> {
  // After i18next's own start, which would otherwise set Swedish again.
  await initialised;
  if (language === 'en' && !i18next.hasResourceBundle('en', 'translation')) {
    const { english } = await import('./english.js');
    i18next.addResourceBundle('en', 'translation', english);
  }
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

/** Settled once the language chosen earlier is in use: the app renders after it, so English never flashes Swedish. */
export const languageReady: Promise<void> =
  stored === 'en' ? switchLanguage('en').catch(() => undefined) : Promise.resolve();

export function changeLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  // If the English texts cannot be fetched (the network is gone), the page simply stays in Swedish.
  void switchLanguage(language).catch(() => undefined);
}

export { i18next };
