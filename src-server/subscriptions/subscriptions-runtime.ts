// Builds what the subscription routes and the renewal scheduler share from the server's
// configuration, and starts the scheduler (main.ts, when SUBSCRIPTION_SCHEDULER is on).
import type { Kysely } from 'kysely';
import type { ServerConfig } from '../config';
import type { Database } from '../db/schema';
import { recurringProvidersFor } from '../payments/recurring-providers';
import type { RecurringProviders } from '../payments/recurring-provider';
import { DEMO_SHIPPING_SERVICES } from '../shipping/demo-rates';
import type { ShippingService } from '../shipping/rate-table';
import { systemClock } from './clock';
import type { Clock } from './clock';
import type { RenewalContext } from './renewal-context';
import { SubscriptionScheduler } from './subscription-scheduler';
import type { SchedulerLog } from './subscription-scheduler';

export interface RenewalDeps {
  db: Kysely<Database>;
  clock?: Clock | undefined;
  providers?: RecurringProviders | undefined;
  shippingServices?: readonly ShippingService[] | undefined;
}

export function renewalContextFor(config: ServerConfig, deps: RenewalDeps): RenewalContext {
  return {
    db: deps.db,
    clock: deps.clock ?? systemClock,
    settings: config.subscriptions,
    intake: {
      shippingServices: deps.shippingServices ?? DEMO_SHIPPING_SERVICES,
      maxExtraKmForSingleWarehouse: config.maxExtraKmForSingleWarehouse,
      vat: config.vat,
    },
    providers: deps.providers ?? recurringProvidersFor(config.returns.mollie),
  };
}

export function startSubscriptionScheduler(
  config: ServerConfig,
  deps: RenewalDeps,
  log?: SchedulerLog,
): SubscriptionScheduler {
  const scheduler = new SubscriptionScheduler(renewalContextFor(config, deps), log);
  scheduler.start();
  return scheduler;
}
