// A central OMS for subscription tests: the app on either backend with a clock the test moves,
// the ledger and Mollie (the local fake) as recurring providers, the catalogue and channels, and
// factories for plans and subscriptions. Schedulers are made per test; none runs on its own.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { createApp } from '../../src-server/app';
import { loadServerConfig } from '../../src-server/config';
import type { ServerConfig } from '../../src-server/config';
import type { DatabaseBackend } from '../../src-server/db/connect';
import type { Database } from '../../src-server/db/schema';
import { ledgerRecurringProvider } from '../../src-server/payments/ledger-provider';
import { mollieRecurringProvider } from '../../src-server/payments/mollie-recurring';
import type { RecurringProviders } from '../../src-server/payments/recurring-provider';
import type { Clock } from '../../src-server/subscriptions/clock';
import type { RenewalContext } from '../../src-server/subscriptions/renewal-context';
import { addDays } from '../../src-server/subscriptions/subscription-calendar';
import type { IsoDate } from '../../src-server/subscriptions/subscription-calendar';
import { SubscriptionScheduler } from '../../src-server/subscriptions/subscription-scheduler';
import { renewalContextFor } from '../../src-server/subscriptions/subscriptions-runtime';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import type { WarehouseCode } from '../support/oms-fixtures';
import { ADMIN_TOKEN, openTestDatabase, testBackofficeDir } from '../support/server-harness';
import { startFakeMollie } from './returns-mollie-server';
import type { FakeMollie } from './returns-mollie-server';

export const MOLLIE_KEY = 'test_subscriptionsRecurring0123456789';

/** A clock standing at noon (Amsterdam) of a day the test chooses. */
export class TestClock implements Clock {
  private current: Date;
  constructor(day: IsoDate) {
    this.current = new Date(`${day}T10:00:00Z`);
  }
  now(): Date {
    return new Date(this.current);
  }
  setDay(day: IsoDate): void {
    this.current = new Date(`${day}T10:00:00Z`);
  }
  today(): IsoDate {
    return this.current.toISOString().slice(0, 10);
  }
  advanceDays(days: number): void {
    this.setDay(addDays(this.today(), days));
  }
}

export interface SubscriptionWorld {
  app: FastifyInstance;
  db: Kysely<Database>;
  config: ServerConfig;
  clock: TestClock;
  mollie: FakeMollie;
  providers: RecurringProviders;
  databaseUrl: string | undefined;
  /** A renewal context of its own (as another instance would have) on the same database. */
  context(overrides?: Partial<RenewalContext['settings']>): RenewalContext;
  scheduler(overrides?: Partial<RenewalContext['settings']>): SubscriptionScheduler;
  close(): Promise<void>;
}

export const admin = { ...bearer(ADMIN_TOKEN) };

export async function startSubscriptionWorld(
  backend: DatabaseBackend,
  label: string,
  options: {
    stock?: Record<string, Partial<Record<WarehouseCode, number>>>;
    env?: Record<string, string>;
    today?: IsoDate;
  } = {},
): Promise<SubscriptionWorld> {
  const handle = await openTestDatabase(backend, label);
  const mollie = await startFakeMollie(MOLLIE_KEY);
  await seedCatalog(handle.db, options.stock ?? { 'SKU-1': { 'NL-TIL': 100 } });
  await seedChannels(handle.db);
  const config: ServerConfig = {
    ...loadServerConfig({
      ADMIN_TOKEN,
      // The admin token calls the system routes in tests, as automation does.
      ADMIN_TOKEN_SCOPE: 'system',
      BACKOFFICE_DIR: testBackofficeDir(),
      SOURCING_MAX_EXTRA_KM: '100',
      SUBSCRIPTION_SCHEDULER: 'off',
      SUBSCRIPTION_LINK_SECRET: 'test-subscription-link-secret',
      SUBSCRIPTION_LEASE_MS: '60000',
      SUBSCRIPTION_PENDING_CHECK_MS: '0',
      ...options.env,
    }),
    databaseUrl: undefined,
  };
  const clock = new TestClock(options.today ?? '2026-03-02');
  const providers: RecurringProviders = {
    ledger: ledgerRecurringProvider,
    mollie: mollieRecurringProvider({ apiKey: MOLLIE_KEY, apiUrl: mollie.url }),
  };
  const app = await createApp(config, {
    db: handle.db,
    listen: handle.listen,
    // SUBS_DEBUG=1 logs the server's errors (a 500's cause) while a test is written.
    logger: process.env.SUBS_DEBUG ? { level: 'error' } : false,
    clock,
    recurringProviders: providers,
  });
  await app.ready();
  const context = (overrides: Partial<RenewalContext['settings']> = {}): RenewalContext => {
    const base = renewalContextFor(config, { db: handle.db, clock, providers });
    return { ...base, settings: { ...base.settings, ...overrides } };
  };
  return {
    app,
    db: handle.db,
    config,
    clock,
    mollie,
    providers,
    databaseUrl: handle.databaseUrl,
    context,
    scheduler: (overrides) => new SubscriptionScheduler(context(overrides)),
    async close() {
      await app.close();
      await mollie.close();
      await handle.close();
    },
  };
}

let planNo = 0;

/** Creates a plan through the API; weekly, cut-off 2 days, per delivery, SKU-1 unless overridden. */
export async function createPlan(
  world: SubscriptionWorld,
  overrides: Record<string, unknown> = {},
) {
  planNo += 1;
  const res = await world.app.inject({
    method: 'POST',
    url: '/v1/subscription-plans',
    headers: admin,
    payload: {
      code: `PLAN-${planNo}`,
      name: `Plan ${planNo}`,
      interval: { unit: 'week', count: 1 },
      cutoffDays: 2,
      skus: ['SKU-1'],
      ...overrides,
    },
  });
  if (res.statusCode !== 201) throw new Error(`plan not created: ${res.body}`);
  return res.json<{ id: string; code: string }>();
}

let subscriptionNo = 0;

export function subscriptionBody(planCode: string, overrides: Record<string, unknown> = {}) {
  subscriptionNo += 1;
  return {
    planCode,
    externalRef: `S-${Date.now()}-${subscriptionNo}`,
    currency: 'EUR',
    customer: {
      type: 'person',
      name: 'Emma de Vries',
      email: `emma${subscriptionNo}@example.com`,
      locale: 'nl',
    },
    shipTo: {
      name: 'Emma de Vries',
      line1: 'Damrak 1',
      postalCode: '1012 AB',
      city: 'Amsterdam',
      country: 'NL',
    },
    lines: [{ sku: 'SKU-1', quantity: 2 }],
    payment: { provider: 'ledger' },
    ...overrides,
  };
}

export interface CreatedSubscription {
  id: string;
  reference: string;
  nextRenewal: { cycleNo: number; date: string; lastChangeDate: string };
  state: string;
}

export async function createSubscription(
  world: SubscriptionWorld,
  planCode: string,
  overrides: Record<string, unknown> = {},
): Promise<CreatedSubscription> {
  const res = await world.app.inject({
    method: 'POST',
    url: '/v1/subscriptions',
    headers: {
      ...admin,
      'idempotency-key': `sub-${subscriptionNo + 1}-${Date.now()}`,
      'x-channel-code': 'web',
    },
    payload: subscriptionBody(planCode, overrides),
  });
  if (res.statusCode !== 201) throw new Error(`subscription not created: ${res.body}`);
  return res.json<CreatedSubscription>();
}

export async function changeSubscription(
  world: SubscriptionWorld,
  id: string,
  change: Record<string, unknown>,
) {
  return world.app.inject({
    method: 'POST',
    url: `/v1/subscriptions/${id}/changes`,
    headers: admin,
    payload: change,
  });
}

export async function renewalsOf(db: Kysely<Database>, subscriptionId: string) {
  return db
    .selectFrom('subscription_renewals')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .orderBy('cycle_no')
    .execute();
}

/** Orders placed for a subscription's cycles (the intake's channel_order_ref is `<ref>-<cycle>`). */
export async function renewalOrders(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'channel_order_ref', 'status'])
    .where('channel_order_ref', 'like', `${reference}-%`)
    .orderBy('channel_order_ref')
    .execute();
}
