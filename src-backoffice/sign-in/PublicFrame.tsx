import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../ui/LanguagePicker';

/** The frame of the screens before signing in: name and language on top, one form below. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <header className="top-bar">
        <span className="app-name">{t('appName')}</span>
        <div className="top-bar-end">
          <LanguagePicker />
        </div>
      </header>
      <main id="main" className="page narrow">
        {children}
      </main>
    </>
  );
}
