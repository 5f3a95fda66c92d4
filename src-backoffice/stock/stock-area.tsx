// The stock area: a warehouse's stock per SKU (on hand, reserved, available, bins), for
// purchasing, customer service, sales and the warehouse's lead; adjustments with a reason and the
// movements ledger for purchasing, admins and the warehouse's lead.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { MovementsPage } from './MovementsPage';
import { StockPage } from './StockPage';

const REQUIRES = 'GET /v1/warehouses/:code/stock';
const text = z.string().optional().catch(undefined);

export const stockArea: Area = {
  id: 'stock',
  path: '/stock',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/stock',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) =>
        z.object({ warehouse: text, sku: text, cursor: text }).parse(search),
      component: StockPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/stock/movements',
      beforeLoad: requireArea('GET /v1/warehouses/:code/movements'),
      validateSearch: (search) =>
        z.object({ warehouse: text, sku: text, reason: text, cursor: text }).parse(search),
      component: MovementsPage,
    }),
  ],
};
