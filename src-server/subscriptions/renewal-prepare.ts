// Preparing a cycle when it closes: its order goes through the intake's own transaction body
// (sourceAndWriteOrders: stock row locks, sourcing, reservations in the warehouse that will ship
// it), and in that SAME transaction the renewal row keyed (subscription_id, cycle_no), the order's
// idempotency record and the subscription's advance to the next cycle are written. The due
// subscriptions are claimed with FOR UPDATE SKIP LOCKED, so any number of instances share the
// work without waiting on each other; a crash anywhere rolls all of it back, and the next claim
// finds the cycle still due. A cycle whose stock is short is not placed (and not charged): it is
// recorded as stock_short, retried daily, and the customer and purchasing are told.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import { isRetryableConflict } from '../db/errors';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { requestFingerprint } from '../orders/idempotency';
import { acceptCommand, activeWarehouses, sourceAndWriteOrders } from '../orders/place-order';
import type { PricedCommand } from '../orders/place-order';
import { priceOrderFrom, readCatalogue } from '../orders/priced-order';
import type { CatalogueRow } from '../orders/priced-order';
import { setOrderHoldIn } from '../orders/hold-order';
import { readDistanceSales } from '../tax/distance-sales';
import type { OrderVatContext } from '../tax/order-vat';
import { DEFAULT_VAT_SETTINGS, readChannelTaxSettings } from '../tax/vat-settings';
import { renewalIdempotencyKey, SCHEDULER_ACTOR, todayOf } from './renewal-context';
import type { RenewalContext } from './renewal-context';
import { renewalOrder } from './renewal-order';
import { buildPreparedRows, nearestWarehouse, preStep } from './renewal-records';
import type { Candidate, PreparedBatch } from './renewal-records';
import { leadDays } from './subscription-schedule';
import type { Shortage, SubscriptionRow } from './subscription-schema';
import { loadLines, loadPlans, scheduleOf, updateSchedules } from './subscription-store';
import type { IsoDate } from './subscription-calendar';

export interface PrepareOutcome {
  /** Subscriptions claimed and looked at. */
  examined: number;
  placed: number;
  /** Of the placed, settled at once (paid on the ledger, or prepaid): their orders were released. */
  settled: number;
  short: number;
  missed: number;
}

const MAX_ATTEMPTS = 3;

/** Subscriptions whose next cycle has closed, locked for this transaction; others' locks skipped. */
async function claimDue(
  trx: Transaction<Database>,
  today: IsoDate,
  ctx: RenewalContext,
): Promise<SubscriptionRow[]> {
  const reserveAhead = ctx.settings.reserveAheadDays;
  const { rows } = await sql<SubscriptionRow>`
    select s.* from subscriptions s
    join subscription_plans p on p.id = s.plan_id
    left join subscription_renewals r
      on r.subscription_id = s.id and r.cycle_no = s.next_cycle_no
    where s.state in ('active', 'paused')
      and (s.state = 'active' or (s.paused_until is not null and s.next_renewal_date >= s.paused_until))
      and s.next_renewal_date <= ${today}::date + ${Math.max(30, reserveAhead)}::int
      and s.next_renewal_date - greatest(p.cutoff_days, ${reserveAhead}::int) <= ${today}::date
      and (r.subscription_id is null or (r.status = 'stock_short' and r.stock_retry_on <= ${today}::date))
    order by s.next_renewal_date, s.id
    limit ${ctx.settings.batchSize}
    for update of s skip locked`.execute(trx);
  return rows;
}

/** One batch of due subscriptions, prepared in one transaction. */
export async function prepareDueBatch(ctx: RenewalContext): Promise<PrepareOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction().execute(async (trx) => {
        const rows = await claimDue(trx, todayOf(ctx), ctx);
        return prepareLocked(trx, ctx, rows);
      });
    } catch (error) {
      if (isRetryableConflict(error) && attempt < MAX_ATTEMPTS) continue;
      throw error;
    }
  }
}

async function catalogueFor(trx: Transaction<Database>, candidates: readonly Candidate[]) {
  const byCurrency = new Map<string, Set<string>>();
  for (const c of candidates) {
    const skus = byCurrency.get(c.row.currency) ?? new Set<string>();
    for (const line of c.lines) skus.add(line.sku);
    byCurrency.set(c.row.currency, skus);
  }
  const catalogues = new Map<string, Map<string, CatalogueRow>>();
  for (const [currency, skus] of byCurrency) {
    const rows = await readCatalogue(trx, currency, [...skus]);
    catalogues.set(currency, new Map(rows.map((r) => [r.sku, r])));
  }
  return catalogues;
}

/**
 * The VAT engine's context per channel, as the intake prices with (priceAll in place-order.ts):
 * one distance-sales count shared by the batch, so its orders count towards the OSS in turn.
 */
async function vatContexts(
  trx: Transaction<Database>,
  ctx: RenewalContext,
  rows: readonly SubscriptionRow[],
): Promise<(channelCode: string) => OrderVatContext | undefined> {
  const [channels, distanceSales] = await Promise.all([
    readChannelTaxSettings(
      trx,
      rows.map((r) => r.channel_code),
    ),
    readDistanceSales(trx),
  ]);
  const settings = ctx.intake.vat ?? DEFAULT_VAT_SETTINGS;
  return (code) => {
    const channel = channels.get(code);
    return channel ? { settings, channel, distanceSales } : undefined;
  };
}

/**
 * Prepares the next cycle of each subscription given (locked by the caller) that is due: places
 * its order, or records it as short of stock, missed (catch-up `skip`) or given up. One cycle per
 * subscription per call; a subscription with more due cycles is due again afterwards.
 */
export async function prepareLocked(
  trx: Transaction<Database>,
  ctx: RenewalContext,
  rows: readonly SubscriptionRow[],
): Promise<PrepareOutcome> {
  const outcome: PrepareOutcome = {
    examined: rows.length,
    placed: 0,
    settled: 0,
    short: 0,
    missed: 0,
  };
  if (rows.length === 0) return outcome;
  const today = todayOf(ctx);
  const now = ctx.clock.now();
  const [plans, lines, shortRows] = await Promise.all([
    loadPlans(
      trx,
      rows.map((r) => r.plan_id),
    ),
    loadLines(
      trx,
      rows.map((r) => r.id),
    ),
    sql<{ subscription_id: string }>`
      select subscription_id from subscription_renewals
      where status = 'stock_short' and (subscription_id, cycle_no) in (select * from unnest(
        ${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.next_cycle_no)}::int[]))`.execute(
      trx,
    ),
  ]);
  const short = new Map(shortRows.rows.map((r) => [r.subscription_id, r]));

  const candidates: Candidate[] = rows.map((row) => {
    const plan = plans.get(row.plan_id)!.rules;
    return {
      row,
      plan,
      lead: leadDays(plan, ctx.settings.reserveAheadDays),
      lines: lines.get(row.id) ?? [],
      schedule: scheduleOf(row),
      wasShort: short.has(row.id),
    };
  });
  const batch: PreparedBatch = {
    candidates,
    steps: candidates.map((c) => preStep(c, today, ctx.settings.catchUp)),
    shortOf: new Map(),
    placedOf: new Map(),
    today,
    now,
    settings: ctx.settings,
    providers: ctx.providers,
  };
  const catalogues = await catalogueFor(trx, candidates);
  const vatContextOf = await vatContexts(trx, ctx, rows);

  const attempts = candidates.flatMap((c, index) => {
    const placing = batch.steps[index]!.placing;
    if (!placing) return [];
    const catalogue = catalogues.get(c.row.currency)!;
    const built = renewalOrder({ ...c, cycleNo: placing.cycleNo, catalogue, placedAt: now });
    if (!built.ok) {
      batch.shortOf.set(index, { shortage: built.shortage, warehouseCode: null });
      return [];
    }
    try {
      const accepted = acceptCommand(
        {
          channelCode: c.row.channel_code,
          order: built.order,
          idempotencyKey: renewalIdempotencyKey(c.row.id, placing.cycleNo),
          actor: `subscription:${c.row.reference}`,
        },
        requestFingerprint(built.order),
      );
      const command: PricedCommand = {
        ...accepted,
        priced: priceOrderFrom(
          built.order,
          [...catalogue.values()],
          vatContextOf(c.row.channel_code),
        ),
      };
      return [{ index, command }];
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const shortage: Shortage = { reason: 'unavailable', lines: [], message: error.message };
      batch.shortOf.set(index, { shortage, warehouseCode: null });
      return [];
    }
  });

  // Read in this transaction: PGlite has one connection, which the transaction holds.
  const warehouses = await activeWarehouses(trx);
  let built: ReturnType<typeof buildPreparedRows> | undefined;
  await sourceAndWriteOrders(
    trx,
    ctx.intake,
    attempts.map((a) => a.command),
    warehouses,
    {
      // Stock short anywhere: nothing is written, the renewal is not charged.
      review: (graph, k) => {
        if (graph.body.backordered.length === 0) return graph;
        const { index, command } = attempts[k]!;
        const bySku = new Map<string, number>();
        for (const line of graph.body.backordered)
          bySku.set(line.sku, (bySku.get(line.sku) ?? 0) + line.quantity);
        batch.shortOf.set(index, {
          shortage: {
            reason: 'stock',
            lines: [...bySku].map(([sku, quantity]) => ({ sku, quantity })),
          },
          warehouseCode: nearestWarehouse(command.shipTo, warehouses),
        });
        return null;
      },
      also: (written) => {
        attempts.forEach(({ index }, k) => {
          const graph = written[k];
          if (graph) batch.placedOf.set(index, graph);
        });
        built = buildPreparedRows(batch);
        return built.tables;
      },
    },
  );
  const rowsBuilt = built!;
  for (const update of rowsBuilt.shortUpdates) {
    await trx
      .updateTable('subscription_renewals')
      .set({
        ...update.set,
        shortage: update.set.shortage ? JSON.stringify(update.set.shortage) : null,
        updated_at: now,
      })
      .where('subscription_id', '=', update.subscriptionId)
      .where('cycle_no', '=', update.cycleNo)
      .where('status', '=', 'stock_short')
      .execute();
  }
  await updateSchedules(trx, rowsBuilt.schedules);
  for (const hold of rowsBuilt.holds) {
    await setOrderHoldIn(trx, {
      orderId: hold.orderId,
      actor: SCHEDULER_ACTOR,
      hold: true,
      reason: `subscription ${hold.reference}: payment due on ${hold.renewalDate}`,
    });
  }
  return { ...outcome, ...rowsBuilt.counts };
}
