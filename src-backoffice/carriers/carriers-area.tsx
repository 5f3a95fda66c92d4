// The carriers area: per warehouse, which carriers can be labelled from their own API, which go
// as the own carrier by setting, and which are misconfigured; admins set credentials here.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { CarriersPage } from './CarriersPage';

const REQUIRES = 'GET /v1/warehouses/:code/carriers';

export const carriersArea: Area = {
  id: 'carriers',
  path: '/carriers',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/carriers',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) =>
        z.object({ warehouse: z.string().optional().catch(undefined) }).parse(search),
      component: CarriersPage,
    }),
  ],
};
