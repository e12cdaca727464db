import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../i18n/language.ts';

/** The current language of the page, as the API's `lang` parameter. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}
