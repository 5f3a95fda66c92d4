import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { UserFormPage } from './UserFormPage';
import { UsersPage } from './UsersPage';

const REQUIRES = 'GET /v1/people/users';
export const usersSearch = z.object({
  sort: z.enum(['email', 'name', 'createdAt']).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  cursor: z.string().optional().catch(undefined),
  q: z.string().optional().catch(undefined),
  role: z.string().optional().catch(undefined),
  active: z.enum(['true', 'false']).optional().catch(undefined),
});

export const usersArea: Area = {
  id: 'users',
  path: '/users',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/users',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) => usersSearch.parse(search),
      component: UsersPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/users/$userId',
      beforeLoad: requireArea(REQUIRES),
      component: UserFormPage,
    }),
  ],
};
