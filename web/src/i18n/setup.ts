import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, readStoredLanguage, storeLanguage, type Language } from './language.ts';
import { resources } from './resources.ts';

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

/** Initialises i18next with the remembered language and keeps `<html lang>` in step with it. */
export async function setupI18n(): Promise<void> {
  i18next.on('languageChanged', applyDocumentLanguage);
  await i18next.use(initReactI18next).init({
    resources,
    lng: readStoredLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false }, // React escapes already
    react: { useSuspense: false },
  });
  applyDocumentLanguage(i18next.language);
}

export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18next.changeLanguage(language);
}
