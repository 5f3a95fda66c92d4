// The orders area: the order search (every filter of GET /v1/orders, in the URL) and the order
// page with its timeline, fulfillments per warehouse, shipments and the actions with a reason.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { OrderPage } from './OrderPage';
import { OrdersPage } from './OrdersPage';

const REQUIRES = 'GET /v1/orders';
const text = z.string().optional().catch(undefined);
export const ordersSearch = z.object({
  sort: z.enum(['placedAt', 'totalMinor', 'channelOrderRef']).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  cursor: text,
  orderId: text,
  channelOrderRef: text,
  customer: text,
  sku: text,
  poNumber: text,
  tracking: text,
  sscc: text,
  placedFrom: text,
  placedTo: text,
  status: text,
  channel: text,
  warehouse: text,
});

export const ordersArea: Area = {
  id: 'orders',
  path: '/orders',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/orders',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) => ordersSearch.parse(search),
      component: OrdersPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/orders/$orderId',
      beforeLoad: requireArea('GET /v1/orders/:id'),
      component: OrderPage,
    }),
  ],
};
