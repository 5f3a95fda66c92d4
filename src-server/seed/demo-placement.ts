// Places the demo orders through the same sourcing code as live intake (buildPlacedOrder), but
// tracks availability in memory and writes in batches: 2,000 orders in a few seconds on PGlite.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalOrderSchema } from '../../shared/orders/order-schema';
import type { OrderCustomerInput } from '../../shared/orders/order-schema';
import { DEFAULT_PAYMENT_TERMS_DAYS } from '../customers/customer-upsert';
import type { CustomerRef } from '../customers/customer-upsert';
import type { CustomersTable, Database } from '../db/schema';
import type { Insertable } from 'kysely';
import { deductReservations } from '../inventory/stock-locks';
import type { LockedBin, LockedStock } from '../inventory/stock-locks';
import { buildPlacedOrder } from '../orders/order-graph';
import type { PlacedOrderGraph } from '../orders/order-graph';
import { insertOrderGraphs } from '../orders/order-writes';
import { priceOrderFrom } from '../orders/priced-order';
import { appendOutboxEvents } from '../outbox/outbox';
import { DEMO_SHIPPING_SERVICES } from '../shipping/demo-rates';
import { resolveShipToLocation } from '../sourcing/ship-to-location';
import { DEMO_WAREHOUSES, demoBins } from './demo-catalog';
import type { DemoProduct, DemoStock } from './demo-catalog';
import type { DemoOrder } from './demo-orders';

const BATCH = 250;

export interface DemoPlacementInput {
  products: readonly DemoProduct[];
  stock: readonly DemoStock[];
  orders: readonly DemoOrder[];
  maxExtraKmForSingleWarehouse: number;
}

function inMemoryStock(stock: readonly DemoStock[]): LockedStock {
  const walk = new Map(
    DEMO_WAREHOUSES.flatMap((w) => demoBins(w.code)).map((b) => [
      `${b.warehouseCode}/${b.code}`,
      b.walkSequence,
    ]),
  );
  const bins: LockedBin[] = stock.map((s) => ({
    ...s,
    walkSequence: walk.get(`${s.warehouseCode}/${s.binCode}`) ?? 0,
  }));
  const available = new Map<string, Map<string, number>>();
  for (const bin of bins) {
    const skus = available.get(bin.warehouseCode) ?? new Map<string, number>();
    skus.set(bin.sku, (skus.get(bin.sku) ?? 0) + bin.onHand);
    available.set(bin.warehouseCode, skus);
  }
  return { bins, available };
}

/** One customer row per person e-mail / company name, one buyer per company e-mail. */
class DemoCustomers {
  readonly customers: Insertable<CustomersTable>[] = [];
  readonly buyers: { id: string; customer_id: string; name: string; email: string }[] = [];
  private readonly byKey = new Map<string, string>();
  private readonly locales = new Map<string, string>();

  refFor(customer: OrderCustomerInput): CustomerRef {
    const key =
      customer.type === 'person'
        ? `p:${customer.email.toLowerCase()}`
        : `c:${customer.companyName.toLowerCase()}`;
    let customerId = this.byKey.get(key);
    if (!customerId) {
      customerId = randomUUID();
      this.byKey.set(key, customerId);
      this.locales.set(customerId, customer.locale ?? 'en');
      this.customers.push({
        id: customerId,
        kind: customer.type,
        name: customer.type === 'person' ? customer.name : customer.companyName,
        email: customer.type === 'person' ? customer.email : null,
        vat_number: null,
        payment_terms_days: customer.type === 'company' ? DEFAULT_PAYMENT_TERMS_DAYS : null,
        locale: customer.locale ?? 'en',
      });
    }
    const locale = this.locales.get(customerId)!;
    if (customer.type === 'person')
      return { customerId, buyerId: null, email: customer.email, locale };
    const buyerKey = `${key}/${customer.buyer.email.toLowerCase()}`;
    let buyerId = this.byKey.get(buyerKey);
    if (!buyerId) {
      buyerId = randomUUID();
      this.byKey.set(buyerKey, buyerId);
      this.buyers.push({
        id: buyerId,
        customer_id: customerId,
        name: customer.buyer.name,
        email: customer.buyer.email,
      });
    }
    return { customerId, buyerId, email: customer.buyer.email, locale };
  }
}

export async function placeDemoOrders(
  db: Kysely<Database>,
  input: DemoPlacementInput,
): Promise<void> {
  const settings = {
    shippingServices: DEMO_SHIPPING_SERVICES,
    maxExtraKmForSingleWarehouse: input.maxExtraKmForSingleWarehouse,
  };
  const warehouses = DEMO_WAREHOUSES.map((w) => ({
    code: w.code,
    name: w.name,
    address: w.address,
    country: w.country,
    latitude: w.latitude,
    longitude: w.longitude,
  }));
  const catalogue = new Map(input.products.map((p) => [p.sku, p]));
  const stock = inMemoryStock(input.stock);
  const customers = new DemoCustomers();
  const placed: PlacedOrderGraph[] = [];

  for (const demo of input.orders) {
    const order = canonicalOrderSchema.parse(demo.order);
    const located = resolveShipToLocation(order.shipTo);
    if (!located.ok) throw new Error(`demo order ${order.channelOrderRef}: ${located.message}`);
    const rows = order.lines.map((line) => {
      const p = catalogue.get(line.sku)!;
      const prices: Record<string, number> = p.prices;
      return {
        sku: p.sku,
        name: p.name,
        weight_grams: p.weightGrams,
        length_mm: p.lengthMm,
        width_mm: p.widthMm,
        height_mm: p.heightMm,
        unit_price_minor: prices[order.currency] ?? null,
      };
    });
    const result = buildPlacedOrder({
      settings,
      command: { channelCode: demo.channel, order, idempotencyKey: null, actor: 'seed' },
      priced: priceOrderFrom(order, rows),
      warehouses,
      shipTo: located.location,
      stock,
      customer: customers.refFor(order.customer),
    });
    deductReservations(stock, result.graph.reservations);
    placed.push(result);
  }

  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < customers.customers.length; i += BATCH) {
      await trx
        .insertInto('customers')
        .values(customers.customers.slice(i, i + BATCH))
        .execute();
    }
    for (let i = 0; i < customers.buyers.length; i += BATCH) {
      await trx
        .insertInto('customer_buyers')
        .values(customers.buyers.slice(i, i + BATCH))
        .execute();
    }
    for (let i = 0; i < placed.length; i += BATCH) {
      const batch = placed.slice(i, i + BATCH);
      await insertOrderGraphs(
        trx,
        batch.map((p) => p.graph),
      );
      await appendOutboxEvents(
        trx,
        batch.flatMap((p) => p.outbox),
      );
    }
  });
}
