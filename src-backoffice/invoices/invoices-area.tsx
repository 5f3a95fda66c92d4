// The invoices area (finance): invoices with what is open on each, one invoice with its credit
// notes and payments and a credit note form, and the bank statement import with manual matching.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { BankImportPage } from './BankImportPage';
import { InvoicePage } from './InvoicePage';
import { InvoicesPage } from './InvoicesPage';

const REQUIRES = 'GET /v1/b2b/invoices';

export const invoicesArea: Area = {
  id: 'invoices',
  path: '/invoices',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/invoices',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) =>
        z.object({ cursor: z.string().optional().catch(undefined) }).parse(search),
      component: InvoicesPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/invoices/bank',
      beforeLoad: requireArea('POST /v1/b2b/bank-statements'),
      component: BankImportPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/invoices/$invoiceId',
      beforeLoad: requireArea('GET /v1/b2b/invoices/:id'),
      component: InvoicePage,
    }),
  ],
};
