import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Every screen names itself in the window title (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
  }, [title, t]);
}
