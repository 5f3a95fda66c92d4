import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, resources, setLanguage } from '../i18n/i18n';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id}>{t('language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => void setLanguage(event.target.value, true)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {String(resources[language]?.app?.languageName ?? language)}
          </option>
        ))}
      </select>
    </div>
  );
}
