// The reports area (admins, finance, purchasing, warehouse leads): sales, fulfilment, returns,
// refunds and stock for a period against the previous one, as a chart and a table, exported as
// CSV or XLSX by the server.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { REPORT_NAMES } from './reports-api';
import { ReportsPage } from './ReportsPage';

const REQUIRES = 'GET /v1/reports/sales';
const text = z.string().optional().catch(undefined);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const reportsArea: Area = {
  id: 'reports',
  path: '/reports',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/reports',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) =>
        z
          .object({
            report: z
              .enum(REPORT_NAMES as [string, ...string[]])
              .optional()
              .catch(undefined),
            groupBy: text,
            metric: text,
            from: day,
            to: day,
          })
          .parse(search),
      component: ReportsPage,
    }),
  ],
};
