import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

export const LANGUAGES = ['en', 'nl', 'de', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'station.language';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  const known = (tag: string | null) => LANGUAGES.find((l) => tag?.toLowerCase().startsWith(l));
  return known(stored) ?? known(navigator.language) ?? 'en';
}

export function setupI18n() {
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: en },
      nl: { translation: nl },
      de: { translation: de },
      fr: { translation: fr },
    },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  i18next.on('languageChanged', (lng) => {
    localStorage.setItem(STORAGE_KEY, lng);
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}
