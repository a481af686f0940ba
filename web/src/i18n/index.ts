// i18next set-up: loads both dictionaries, picks the first language, and keeps
// <html lang dir>, the document title and localStorage in step with the choice.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import { LANGUAGE_STORAGE_KEY, detectLanguage, directionOf, isLanguage, type Language } from './language';

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage can be disabled (private mode, policies)
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

function applyToDocument(language: Language): void {
  const html = document.documentElement;
  html.lang = language;
  html.dir = directionOf(language);
  document.title = i18n.t('app.documentTitle');
}

const initial = detectLanguage(readStoredLanguage(), browserLanguages());

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ar: { translation: ar } },
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: ['en', 'ar'],
  interpolation: { escapeValue: false }, // React escapes already
});

applyToDocument(initial);

i18n.on('languageChanged', (lng) => {
  if (!isLanguage(lng)) return;
  applyToDocument(lng);
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
  } catch {
    // not remembered, but the switch still works for this visit
  }
});

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

export default i18n;
