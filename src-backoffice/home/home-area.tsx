import { createRoute, Link, useRouteContext, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Area } from '../app/area';
import { AREAS } from '../app/areas';
import { mayUse } from '../app/session';
import { usePageTitle } from '../ui/page-title';

const homeSearch = z.object({ refused: z.string().optional().catch(undefined) });

/** The start page: the areas this person may open. The next areas add their tiles here. */
function HomePage() {
  const { t } = useTranslation('home');
  usePageTitle(t('title'));
  const { me } = useRouteContext({ from: '/signed-in' });
  const { refused } = useSearch({ strict: false }) as z.infer<typeof homeSearch>;
  const areas = AREAS.filter((area) => area.id !== 'home' && mayUse(me, area.requires));
  return (
    <>
      <h1>{t('greeting', { name: me.user.name })}</h1>
      {refused !== undefined ? (
        <p role="alert" className="form-message error">
          {t('app:notAllowed')}
        </p>
      ) : null}
      <p>
        {t('yourRoles', {
          roles: me.user.roles.map((r: string) => t(`app:roles.${r}`)).join(', '),
        })}
      </p>
      <ul className="tiles">
        {areas.map((area) => (
          <li key={area.id}>
            <Link to={area.path}>{t(`${area.id}:nav`)}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

export const homeArea: Area = {
  id: 'home',
  path: '/',
  requires: null,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/',
      validateSearch: (search) => homeSearch.parse(search),
      component: HomePage,
    }),
  ],
};
