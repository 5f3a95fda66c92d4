// The quotes area (sales reps): quotes by number, a new quote from a CSV request, and one quote
// with its current version's priced lines, sent to the buyer with one click.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { NewQuotePage } from './NewQuotePage';
import { QuotePage } from './QuotePage';
import { QuotesPage } from './QuotesPage';

const REQUIRES = 'GET /v1/b2b/quotes';

export const quotesArea: Area = {
  id: 'quotes',
  path: '/quotes',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/quotes',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) =>
        z.object({ cursor: z.string().optional().catch(undefined) }).parse(search),
      component: QuotesPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/quotes/new',
      beforeLoad: requireArea('POST /v1/b2b/quotes'),
      component: NewQuotePage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/quotes/$quoteId',
      beforeLoad: requireArea('GET /v1/b2b/quotes/:id'),
      component: QuotePage,
    }),
  ],
};
