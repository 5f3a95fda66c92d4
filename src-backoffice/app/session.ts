// The signed-in person as the API describes them (GET /v1/people/me): their roles and the
// routes those roles may call, which decide the areas the shell shows.
import { queryOptions } from '@tanstack/react-query';
import type { Locale, Role } from '../../shared/people/roles';
import { api, rememberCsrfToken } from './api';

export interface Me {
  user: {
    id: string;
    email: string;
    name: string;
    locale: Locale;
    roles: Role[];
    leadWarehouses: string[];
  };
  csrfToken: string;
  allowedRoutes: string[];
}

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async () => {
    const me = await api<Me>('GET', '/v1/people/me');
    rememberCsrfToken(me.csrfToken);
    return me;
  },
  retry: false,
  staleTime: 60_000,
});

/** Whether the person may call an API route ("GET /v1/people/users"); null: everyone may. */
export const mayUse = (me: Me, route: string | null): boolean =>
  route === null || me.allowedRoutes.includes(route);
