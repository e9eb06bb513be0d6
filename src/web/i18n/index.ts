import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { sv } from './sv.js';

export const languages = ['sv', 'en'] as const;
export type Language = (typeof languages)[number];

const LANGUAGE_KEY = 'stegvis.language';
const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY);
const initial: Language = stored === 'en' ? 'en' : 'sv';

void i18next.use(initReactI18next).init({
  resources: { sv: { translation: sv }, en: { translation: en } },
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
