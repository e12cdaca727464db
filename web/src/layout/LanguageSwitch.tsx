import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/setup.ts';
import { LANGUAGES, isLanguage } from '../i18n/language.ts';

/** Two buttons, each named in its own language so a reader of either can find theirs. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.language) ? i18n.language : 'vi';

  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={current === language}
          onClick={() => void changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
