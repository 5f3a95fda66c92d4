// Plans: staff create them; channels list them (a checkout offers them). A plan's products are the
// ones its subscriptions may hold and swap between.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { allow } from '../access/route-rules';
import { auditedBy } from '../audit/audit';
import { rowSnapshot } from '../audit/snapshots';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { adminSecurity, channelOrAdminSecurity, errorResponses } from '../http/route-schemas';
import { planInputSchema, planViewSchema } from './subscription-contracts';
import type { PlanInput, PlanView } from './subscription-contracts';
import { loadPlans } from './subscription-store';
import type { LoadedPlan } from './subscription-store';

export function planView({ row, rules }: LoadedPlan): PlanView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    interval: { unit: row.interval_unit, count: row.interval_count },
    dayOfMonth: row.day_of_month,
    cutoffDays: row.cutoff_days,
    priceRule: row.price_rule,
    discountPercent: row.discount_percent,
    minCycles: row.min_cycles,
    maxCycles: row.max_cycles,
    billing: row.billing,
    prepaidDeliveries: row.prepaid_deliveries,
    skus: [...rules.skus],
    active: row.active,
  };
}

export async function createPlan(db: Kysely<Database>, input: PlanInput): Promise<PlanView> {
  const skus = [...new Set(input.skus)];
  const known = await db.selectFrom('products').select('sku').where('sku', 'in', skus).execute();
  const knownSet = new Set(known.map((p) => p.sku));
  const missing = input.skus.findIndex((sku) => !knownSet.has(sku));
  if (missing >= 0)
    throw new ApiError(
      422,
      'unknown_sku',
      `No product has SKU "${input.skus[missing]}".`,
      `skus[${missing}]`,
    );
  const id = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('subscription_plans')
        .values({
          id,
          code: input.code,
          name: input.name,
          interval_unit: input.interval.unit,
          interval_count: input.interval.count,
          day_of_month: input.dayOfMonth ?? null,
          cutoff_days: input.cutoffDays,
          price_rule: input.priceRule,
          discount_percent: input.discountPercent,
          min_cycles: input.minCycles,
          max_cycles: input.maxCycles ?? null,
          billing: input.billing,
          prepaid_deliveries: input.prepaidDeliveries ?? 1,
        })
        .execute();
      await trx
        .insertInto('subscription_plan_products')
        .values(skus.map((sku) => ({ plan_id: id, sku })))
        .execute();
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError(409, 'duplicate_plan', `A plan with code "${input.code}" exists.`, 'code');
    throw error;
  }
  return planView((await loadPlans(db, [id])).get(id)!);
}

/** Plans are part of the offer: the admin (merchandising) decides them. */
const planMakers = allow('admin', 'admin_token');
/** A checkout offers them; the people signing customers up or answering them read them. */
const planReaders = allow(
  'admin',
  'customer_service',
  'sales_rep',
  'finance',
  'channel',
  'admin_token',
);

export function planRoutes(db: Kysely<Database>) {
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.post('/v1/subscription-plans', {
      config: { access: planMakers },
      schema: {
        tags: ['subscriptions'],
        summary:
          'Create a subscription plan (rhythm, cut-off, price rule, minimum, billing, products)',
        security: adminSecurity,
        body: planInputSchema,
        response: { 201: planViewSchema, ...errorResponses },
      },
      handler: async (request, reply) => {
        const plan = await auditedBy(request, db)(
          {
            objectType: 'subscription_plan',
            objectId: (created: PlanView) => created.id,
            action: 'created',
            snapshot: rowSnapshot('subscription_plans', 'id'),
          },
          (trx) => createPlan(trx, request.body),
        );
        return reply.status(201).send(plan);
      },
    });

    app.get('/v1/subscription-plans', {
      config: { access: planReaders },
      schema: {
        tags: ['subscriptions'],
        summary: 'The active subscription plans',
        security: channelOrAdminSecurity,
        response: { 200: z.object({ plans: z.array(planViewSchema) }), ...errorResponses },
      },
      handler: async () => {
        const rows = await db
          .selectFrom('subscription_plans')
          .select('id')
          .where('active', '=', true)
          .orderBy('code')
          .execute();
        const plans = await loadPlans(
          db,
          rows.map((r) => r.id),
        );
        return { plans: rows.map((r) => planView(plans.get(r.id)!)) };
      },
    });

    app.get('/v1/subscription-plans/:code', {
      config: { access: planReaders },
      schema: {
        tags: ['subscriptions'],
        summary: 'One subscription plan',
        security: channelOrAdminSecurity,
        params: z.object({ code: z.string().min(1).max(64) }),
        response: { 200: planViewSchema, ...errorResponses },
      },
      handler: async (request) => {
        const row = await db
          .selectFrom('subscription_plans')
          .select('id')
          .where('code', '=', request.params.code)
          .executeTakeFirst();
        if (!row) throw notFound(`Plan ${request.params.code}`);
        return planView((await loadPlans(db, [row.id])).get(row.id)!);
      },
    });
  };
}
