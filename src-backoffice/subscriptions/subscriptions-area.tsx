// The subscriptions area (customer service): subscriptions found by customer, reference, state
// and plan; a new one entered for a customer on the phone; one subscription with its next renewal,
// renewal orders and history, paused, resumed, skipped, cancelled, moved, re-addressed, its
// quantities changed or products swapped with a reason; and the plans customers subscribe to.
import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import type { Area } from '../app/area';
import { requireArea } from '../app/routes-base';
import { NewSubscriptionPage } from './NewSubscriptionPage';
import { PlansPage } from './PlansPage';
import { SubscriptionPage } from './SubscriptionPage';
import { SubscriptionsPage } from './SubscriptionsPage';

const REQUIRES = 'GET /v1/subscriptions';
const text = z.string().optional().catch(undefined);

export const subscriptionsArea: Area = {
  id: 'subscriptions',
  path: '/subscriptions',
  requires: REQUIRES,
  inNavigation: true,
  routes: (shell) => [
    createRoute({
      getParentRoute: () => shell,
      path: '/subscriptions',
      beforeLoad: requireArea(REQUIRES),
      validateSearch: (search) =>
        z.object({ cursor: text, q: text, state: text, plan: text }).parse(search),
      component: SubscriptionsPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/subscriptions/plans',
      beforeLoad: requireArea('GET /v1/subscription-plans'),
      component: PlansPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/subscriptions/new',
      beforeLoad: requireArea('POST /v1/subscriptions'),
      component: NewSubscriptionPage,
    }),
    createRoute({
      getParentRoute: () => shell,
      path: '/subscriptions/$subscriptionId',
      beforeLoad: requireArea('GET /v1/subscriptions/:id'),
      component: SubscriptionPage,
    }),
  ],
};
