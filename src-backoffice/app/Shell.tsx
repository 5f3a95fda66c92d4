// The signed-in frame: a skip link, the header (name, language, sign out), the navigation with
// the areas this person's roles open, and the area's screen.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouteContext } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../ui/LanguagePicker';
import { api, rememberCsrfToken } from './api';
import { AREAS } from './areas';
import { mayUse } from './session';

export function Shell() {
  const { t } = useTranslation();
  const { me } = useRouteContext({ from: '/signed-in' });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => api<void>('DELETE', '/v1/people/sessions/current'),
    onSettled: async () => {
      rememberCsrfToken(null);
      queryClient.clear();
      await navigate({ to: '/sign-in', search: {} });
    },
  });
  const areas = AREAS.filter((area) => area.inNavigation && mayUse(me, area.requires));
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="top-bar">
        <span className="app-name">{t('appName')}</span>
        <nav aria-label={t('mainNavigation')}>
          <ul>
            {areas.map((area) => (
              <li key={area.id}>
                <Link
                  to={area.path}
                  activeOptions={{ exact: area.path === '/' }}
                  activeProps={{ 'aria-current': 'page' }}
                >
                  {t(`${area.id}:nav`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="top-bar-end">
          <LanguagePicker />
          <Link to="/account">{t('signedInAs', { name: me.user.name })}</Link>
          <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
