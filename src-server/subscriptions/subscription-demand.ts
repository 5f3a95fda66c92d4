// Known future demand: the renewals subscriptions will place, per SKU × warehouse × day, for the
// forecasting engine and purchasing ("subscriptions need 340 of SKU-x in Tilburg in the next 30
// days, 120 available"). Each coming cycle is sourced as its order will be — nearest warehouse
// with stock, by src-server/sourcing/allocate.ts, against today's availability as earlier cycles
// use it up — and what no warehouse has is counted at the nearest warehouse. Cycles already placed
// hold reservations of their own (reported apart, as `reserved`).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { allow } from '../access/route-rules';
import type { Database } from '../db/schema';
import { compareCodes } from '../db/code-order';
import { adminSecurity, errorResponses } from '../http/route-schemas';
import { activeWarehouses } from '../orders/place-order';
import { allocateOrder } from '../sourcing/allocate';
import { resolveShipToLocation } from '../sourcing/ship-to-location';
import { todayOf } from './renewal-context';
import type { RenewalContext } from './renewal-context';
import { nearestWarehouse } from './renewal-records';
import { addDays, daysBetween, nextAfter } from './subscription-calendar';
import { acceptedDate } from '../../shared/validation/timestamps';
import type { IsoDate } from './subscription-calendar';
import { isEligible } from './subscription-schedule';
import { loadLines, loadPlans, scheduleOf } from './subscription-store';

const MAX_WINDOW_DAYS = 366;

export interface RenewalDemand {
  sku: string;
  warehouseCode: string;
  date: IsoDate;
  quantity: number;
}

/** Units of renewals not placed yet, per SKU × warehouse × renewal date in [from, to]. */
export async function upcomingRenewalDemand(
  db: Kysely<Database>,
  range: { from: IsoDate; to: IsoDate },
  /** The intake's setting, so demand is sourced as the renewal's order will be. */
  maxExtraKmForSingleWarehouse: number,
): Promise<RenewalDemand[]> {
  const subs = await db
    .selectFrom('subscriptions')
    .selectAll()
    .where('state', 'in', ['active', 'paused'])
    .where('next_renewal_date', '<=', range.to)
    .execute();
  if (subs.length === 0) return [];
  const [plans, lines, warehouses, stock] = await Promise.all([
    loadPlans(
      db,
      subs.map((s) => s.plan_id),
    ),
    loadLines(
      db,
      subs.map((s) => s.id),
    ),
    activeWarehouses(db),
    sql<{ warehouse_code: string; sku: string; available: number }>`
      select s.warehouse_code, s.sku, (sum(s.on_hand) - coalesce(max(r.reserved), 0))::int as available
      from stock s
      left join (select warehouse_code, sku, sum(quantity) as reserved from reservations
        where released_at is null group by warehouse_code, sku) r
        on r.warehouse_code = s.warehouse_code and r.sku = s.sku
      group by s.warehouse_code, s.sku`.execute(db),
  ]);
  const available = new Map<string, Record<string, number>>();
  for (const row of stock.rows) {
    const skus = available.get(row.warehouse_code) ?? {};
    skus[row.sku] = row.available;
    available.set(row.warehouse_code, skus);
  }
  const cycles: { date: IsoDate; subscription: (typeof subs)[number] }[] = [];
  for (const sub of subs) {
    const plan = plans.get(sub.plan_id)!.rules;
    const schedule = scheduleOf(sub);
    if (!isEligible(schedule)) continue;
    let placed = schedule.cyclesPlaced;
    for (
      let date = schedule.nextRenewalDate;
      date <= range.to;
      date = nextAfter(schedule.anchorDate, plan.rhythm, date)
    ) {
      if (plan.maxCycles !== null && placed >= plan.maxCycles) break;
      if (date >= range.from) cycles.push({ date, subscription: sub });
      placed += 1;
    }
  }
  cycles.sort(
    (a, b) => compareCodes(a.date, b.date) || compareCodes(a.subscription.id, b.subscription.id),
  );

  const totals = new Map<string, RenewalDemand>();
  const add = (sku: string, warehouseCode: string, date: IsoDate, quantity: number) => {
    const key = `${sku}\u0000${warehouseCode}\u0000${date}`;
    const hit = totals.get(key);
    if (hit) hit.quantity += quantity;
    else totals.set(key, { sku, warehouseCode, date, quantity });
  };
  for (const { date, subscription } of cycles) {
    const located = resolveShipToLocation(subscription.ship_to);
    if (!located.ok) continue;
    const own = lines.get(subscription.id) ?? [];
    const plan = allocateOrder({
      shipTo: located.location,
      lines: own.map((l) => ({ lineId: String(l.lineNo), sku: l.sku, quantity: l.quantity })),
      warehouses: warehouses.map((w) => ({
        code: w.code,
        lat: w.latitude,
        lon: w.longitude,
        available: available.get(w.code) ?? {},
      })),
      maxExtraKmForSingleWarehouse,
    });
    for (const f of plan.fulfillments) {
      const skus = available.get(f.warehouseCode) ?? {};
      for (const line of f.lines) {
        skus[line.sku] = (skus[line.sku] ?? 0) - line.quantity;
        add(line.sku, f.warehouseCode, date, line.quantity);
      }
      available.set(f.warehouseCode, skus);
    }
    const nearest = nearestWarehouse(located.location, warehouses);
    if (nearest) for (const line of plan.backordered) add(line.sku, nearest, date, line.quantity);
  }
  return [...totals.values()].sort(
    (a, b) =>
      compareCodes(a.sku, b.sku) ||
      compareCodes(a.warehouseCode, b.warehouseCode) ||
      compareCodes(a.date, b.date),
  );
}

const demandSchema = z.object({
  from: z.string(),
  to: z.string(),
  demand: z.array(
    z.object({
      sku: z.string(),
      warehouseCode: z.string(),
      /** Units the coming renewals in the window need from this warehouse. */
      quantity: z.number().int(),
      /** On hand − reserved now. */
      available: z.number().int(),
      /** Units already reserved by renewals placed and waiting for their renewal date or payment. */
      reserved: z.number().int(),
      /** What the coming renewals need beyond what is available. */
      shortfall: z.number().int(),
      daily: z.array(z.object({ date: z.string(), quantity: z.number().int() })),
    }),
  ),
});

/** A window of days: `from` and `to` (inclusive), or `days` from `from` (today by default). */
const demandQuerySchema = z
  .object({
    from: acceptedDate().optional(),
    to: acceptedDate().optional(),
    days: z.coerce.number().int().min(1).max(MAX_WINDOW_DAYS).default(90),
    warehouse: z.string().min(1).max(64).optional(),
    sku: z.string().min(1).max(64).optional(),
  })
  .superRefine((q, issue) => {
    if (q.to === undefined) return;
    if (q.from !== undefined && q.to < q.from)
      issue.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (q.from !== undefined && daysBetween(q.from, q.to) >= MAX_WINDOW_DAYS)
      issue.addIssue({
        code: 'custom',
        path: ['to'],
        message: `must be less than ${MAX_WINDOW_DAYS} days after from`,
      });
    else if (q.from === undefined)
      issue.addIssue({ code: 'custom', path: ['from'], message: 'is needed with to' });
  });

/** Known future demand is for purchasing (replenishment) and the admin. */
const demandReaders = allow('admin', 'purchasing', 'admin_token');

export function subscriptionDemandRoutes(ctx: RenewalContext) {
  const { db } = ctx;
  return async (plain: FastifyInstance) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/v1/subscriptions/demand', {
      config: { access: demandReaders },
      schema: {
        tags: ['subscriptions'],
        summary:
          'Known future demand: units the coming renewals need per SKU and warehouse, with what is available',
        security: adminSecurity,
        querystring: demandQuerySchema,
        response: { 200: demandSchema, ...errorResponses },
      },
      handler: async (request) => {
        const from = request.query.from ?? todayOf(ctx);
        const to = request.query.to ?? addDays(from, request.query.days - 1);
        const rows = (
          await upcomingRenewalDemand(db, { from, to }, ctx.intake.maxExtraKmForSingleWarehouse)
        ).filter(
          (r) =>
            (!request.query.warehouse || r.warehouseCode === request.query.warehouse) &&
            (!request.query.sku || r.sku === request.query.sku),
        );
        const byKey = new Map<string, RenewalDemand[]>();
        for (const r of rows) {
          const key = `${r.sku}\u0000${r.warehouseCode}`;
          const list = byKey.get(key);
          if (list) list.push(r);
          else byKey.set(key, [r]);
        }
        const [availability, reserved] = await Promise.all([
          sql<{ warehouse_code: string; sku: string; available: number }>`
            select s.warehouse_code, s.sku, (sum(s.on_hand) - coalesce((select sum(quantity) from reservations r
              where r.released_at is null and r.sku = s.sku and r.warehouse_code = s.warehouse_code), 0))::int as available
            from stock s group by s.warehouse_code, s.sku`.execute(db),
          sql<{ warehouse_code: string; sku: string; reserved: number }>`
            select r.warehouse_code, r.sku, sum(r.quantity)::int as reserved
            from reservations r join subscription_renewals n on n.order_id = r.order_id
            where r.released_at is null and n.status in ('awaiting_payment', 'payment_pending', 'payment_failed')
            group by r.warehouse_code, r.sku`.execute(db),
        ]);
        const availableOf = new Map(
          availability.rows.map((r) => [`${r.sku}\u0000${r.warehouse_code}`, r.available]),
        );
        const reservedOf = new Map(
          reserved.rows.map((r) => [`${r.sku}\u0000${r.warehouse_code}`, r.reserved]),
        );
        return {
          from,
          to,
          demand: [...byKey].map(([key, daily]) => {
            const { sku, warehouseCode } = daily[0]!;
            const quantity = daily.reduce((sum, r) => sum + r.quantity, 0);
            const available = availableOf.get(key) ?? 0;
            return {
              sku,
              warehouseCode,
              quantity,
              available,
              reserved: reservedOf.get(key) ?? 0,
              shortfall: Math.max(0, quantity - Math.max(0, available)),
              daily: daily.map((r) => ({ date: r.date, quantity: r.quantity })),
            };
          }),
        };
      },
    });
  };
}
