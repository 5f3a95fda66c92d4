// The purchasing area: replenishment suggestions turned into draft purchase orders, the
// purchase orders (newest first) with their lines, approved and sent from their page, and the
// forecast of a SKU × warehouse with its interval and how accurate it has been.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { ForecastPage } from './ForecastPage';
import { PurchaseOrderPage } from './PurchaseOrderPage';
import { PurchasingPage } from './PurchasingPage';

const REQUIRES = 'GET /v1/purchase-orders';
const text = z.string().optional().catch(undefined);

export const purchasingArea: Area = {
  id: 'purchasing',
  path: '/purchasing',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/purchasing',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) =>
        z.object({ warehouse: text, status: text, cursor: text }).parse(search),
      component: PurchasingPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/purchasing/orders/$purchaseOrderId',
      beforeLoad: requireArea('GET /v1/purchase-orders/:id'),
      component: PurchaseOrderPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/purchasing/forecasts/$warehouseCode/$sku',
      beforeLoad: requireArea('GET /v1/forecasts/:warehouseCode/:sku'),
      component: ForecastPage,
    }),
  ],
};
