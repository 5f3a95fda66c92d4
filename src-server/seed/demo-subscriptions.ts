// The demo's subscriptions: three plans (weekly, monthly on the 15th, prepaid every four weeks) and
// a dozen subscriptions made through the real create path on the webshop channel. Some signed up
// a week (or five days) ago on a clock set back, so their first renewal is today (placed and
// charged on the ledger at the scheduler's first round) or in two days (placed on hold now).
// Re-run on every start of a demo database: plans by code and subscriptions by external ref are
// made only when missing.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isUniqueViolation } from '../db/errors';
import { ApiError } from '../http/api-error';
import { createPlan } from '../subscriptions/plan-routes';
import type { RenewalContext } from '../subscriptions/renewal-context';
import { createSubscription } from '../subscriptions/subscription-create';
import type { PlanInput, SubscriptionInput } from '../subscriptions/subscription-contracts';
import type { SeedLog } from './demo-seed';

const DAY_MS = 86_400_000;

const PLANS = (skus: string[]): PlanInput[] => [
  {
    code: 'DEMO-WEEKLY',
    name: 'Weekly essentials',
    interval: { unit: 'week', count: 1 },
    cutoffDays: 2,
    priceRule: 'current',
    discountPercent: 5,
    minCycles: 0,
    billing: 'per_delivery',
    skus: skus.slice(0, 3),
  },
  {
    code: 'DEMO-MONTHLY-15',
    name: 'Monthly box on the 15th',
    interval: { unit: 'month', count: 1 },
    dayOfMonth: 15,
    cutoffDays: 3,
    priceRule: 'fixed',
    discountPercent: 10,
    minCycles: 3,
    billing: 'per_delivery',
    skus: skus.slice(2, 5),
  },
  {
    code: 'DEMO-PREPAID-4W',
    name: 'Every four weeks, three deliveries paid at once',
    interval: { unit: 'week', count: 4 },
    cutoffDays: 2,
    priceRule: 'fixed',
    discountPercent: 15,
    minCycles: 0,
    billing: 'prepaid',
    prepaidDeliveries: 3,
    skus: skus.slice(4, 6),
  },
];

const CUSTOMERS = [
  ['Emma de Vries', 'nl', 'Damrak 1', '1012 AB', 'Amsterdam', 'NL'],
  ['Lucas Janssens', 'nl', 'Meir 20', '2000', 'Antwerpen', 'BE'],
  ['Sophie Bakker', 'en', 'Oudegracht 100', '3511 AX', 'Utrecht', 'NL'],
  ['Daan Peeters', 'nl', 'Grote Markt 5', '9000', 'Gent', 'BE'],
] as const;

/** Which plan, how many days ago the customer signed up (on a clock set back), which products. */
const SIGNUPS: { plan: number; daysAgo: number; sku: number }[] = [
  { plan: 0, daysAgo: 7, sku: 0 },
  { plan: 0, daysAgo: 7, sku: 1 },
  { plan: 0, daysAgo: 5, sku: 2 },
  { plan: 0, daysAgo: 0, sku: 0 },
  { plan: 0, daysAgo: 3, sku: 1 },
  { plan: 1, daysAgo: 0, sku: 2 },
  { plan: 1, daysAgo: 0, sku: 3 },
  { plan: 1, daysAgo: 10, sku: 4 },
  { plan: 2, daysAgo: 28, sku: 4 },
  { plan: 2, daysAgo: 0, sku: 5 },
  { plan: 2, daysAgo: 14, sku: 5 },
  { plan: 0, daysAgo: 1, sku: 2 },
];

export async function seedDemoSubscriptions(ctx: RenewalContext, log: SeedLog): Promise<void> {
  const db: Kysely<Database> = ctx.db;
  // Products every demo warehouse has plenty of, priced in EUR, so the renewals can be placed.
  const products = await db
    .selectFrom('stock')
    .innerJoin('product_prices', 'product_prices.sku', 'stock.sku')
    .select('stock.sku')
    .where('product_prices.currency', '=', 'EUR')
    .groupBy('stock.sku')
    .having((eb) => eb.fn.sum('stock.on_hand'), '>=', 100)
    .orderBy('stock.sku')
    .limit(6)
    .execute();
  if (products.length < 6) return;
  const skus = products.map((p) => p.sku);
  const plans = PLANS(skus);
  let madePlans = 0;
  for (const plan of plans) {
    try {
      await createPlan(db, plan);
      madePlans += 1;
    } catch (error) {
      if (!(error instanceof ApiError && error.statusCode === 409) && !isUniqueViolation(error))
        throw error;
    }
  }
  let made = 0;
  for (const [i, signup] of SIGNUPS.entries()) {
    const plan = plans[signup.plan]!;
    const [name, locale, line1, postalCode, city, country] = CUSTOMERS[i % CUSTOMERS.length]!;
    const input: SubscriptionInput = {
      externalRef: `DEMO-SUB-${i + 1}`,
      planCode: plan.code,
      currency: 'EUR',
      customer: {
        type: 'person',
        name,
        email: `subscriber${i + 1}@example.com`,
        locale,
      },
      shipTo: { name, line1, postalCode, city, country },
      lines: [{ sku: plan.skus[signup.sku % plan.skus.length]!, quantity: 1 + (i % 3) }],
      payment: { provider: 'ledger' },
    };
    const signedUp = new Date(ctx.clock.now().getTime() - signup.daysAgo * DAY_MS);
    try {
      const created = await createSubscription(
        { ...ctx, clock: { now: () => signedUp } },
        {
          channelCode: 'webshop',
          input,
          idempotencyKey: `demo-subscription-${i + 1}`,
          actor: 'demo',
          auditActor: { type: 'system', id: 'demo-seed', label: null },
        },
      );
      if (!created.replayed) made += 1;
    } catch (error) {
      if (!(error instanceof ApiError && error.statusCode === 409)) throw error;
    }
  }
  if (madePlans + made > 0)
    log.info(
      { plans: madePlans, subscriptions: made },
      'demo subscription plans and subscriptions',
    );
}
