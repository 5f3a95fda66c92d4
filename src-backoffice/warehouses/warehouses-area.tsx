// The warehouses area: each warehouse's clock, daily cut-off and public holidays, with the day
// work released now leaves; admins change them here (sourcing dates ship-by days from them).
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { WarehousesPage } from './WarehousesPage';

const REQUIRES = 'GET /v1/warehouses/:code/calendar';

export const warehousesArea: Area = {
  id: 'warehouses',
  path: '/warehouses',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/warehouses',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) =>
        z.object({ warehouse: z.string().optional().catch(undefined) }).parse(search),
      component: WarehousesPage,
    }),
  ],
};
