import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../ui/page-title';

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('notFound'));
  return (
    <main id="main" className="page">
      <h1>{t('notFound')}</h1>
      <p>
        <Link to="/">{t('backHome')}</Link>
      </p>
    </main>
  );
}
