// Builds the documents stations replicate from the central OMS's own tables. Domain code calls
// these inside the transaction that changed the source rows, so the station's view of a
// fulfillment, product, bin or operator changes exactly when the truth does.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type {
  Address,
  BinDoc,
  FulfillmentDoc,
  FulfillmentOrderMoney,
  OperatorDoc,
  ProductDoc,
} from '../../shared/sync/documents';
import type { Database, PostalAddress } from '../db/schema';
import { ratePercentOf } from '../orders/order-money-view';
import { writeSyncDocumentGroups, writeSyncDocuments } from './document-store';
import { orderMoneyOf, pickLineAmount } from './fulfillment-money';
import { emailLocale } from '../notifications/email/email-layout';

type Trx = Transaction<Database>;

/** Addresses are stored as channels sent them; a missing part becomes empty, never undefined. */
function toAddress(a: Partial<PostalAddress>): Address {
  return {
    name: a.name ?? '',
    company: a.company ?? null,
    line1: a.line1 ?? '',
    line2: a.line2 ?? null,
    postalCode: a.postalCode ?? '',
    city: a.city ?? '',
    region: a.region ?? null,
    country: a.country ?? '',
    phone: a.phone ?? null,
    email: a.email ?? null,
  };
}

const gtin14 = (gtin: string) => gtin.padStart(14, '0');

/** Express services and near promised dates go first in the station's queue (0 = most urgent). */
function priorityOf(
  promisedDate: string | null,
  transitDays: number | null,
  releasedAt: Date,
): number {
  if (!promisedDate) return 5;
  const slackDays =
    (Date.parse(promisedDate) - releasedAt.getTime()) / 86_400_000 - (transitDays ?? 1);
  return Math.max(0, Math.min(9, Math.floor(slackDays)));
}

/** Republishes fulfillment orders (after release, cancel, hold, ship...). */
export async function publishFulfillments(
  trx: Trx,
  fulfillmentIds: readonly string[],
): Promise<void> {
  if (fulfillmentIds.length === 0) return;
  const heads = await trx
    .selectFrom('fulfillment_orders as f')
    .innerJoin('orders as o', 'o.id', 'f.order_id')
    .leftJoin('customers as c', 'c.id', 'o.customer_id')
    .innerJoin('warehouses as w', 'w.code', 'f.warehouse_code')
    .select([
      'f.id',
      'f.order_id',
      'f.warehouse_code',
      'f.status',
      'f.cancel_requested',
      'f.ship_to',
      'f.carrier_code',
      'f.service_code',
      'f.shipping_cost_minor',
      'f.currency',
      'f.promised_delivery_date',
      'f.transit_days',
      'f.released_at',
      'o.channel_code',
      'o.channel_order_ref',
      'o.po_number',
      'c.locale',
      'w.name as warehouse_name',
      'w.address as warehouse_address',
    ])
    .where('f.id', 'in', fulfillmentIds)
    .execute();
  const lines = await trx
    .selectFrom('fulfillment_lines as l')
    .innerJoin('order_lines as ol', 'ol.id', 'l.order_line_id')
    .innerJoin('products as p', 'p.sku', 'l.sku')
    .select([
      'l.id',
      'l.fulfillment_id',
      'l.sku',
      'l.quantity',
      'l.bin_code',
      'l.walk_sequence',
      'ol.name',
      'ol.unit_price_minor',
      'ol.quantity as order_quantity',
      'ol.line_total_minor',
      'ol.discount_minor',
      'ol.tax_rate_ppm',
      'p.weight_grams',
    ])
    .where('l.fulfillment_id', 'in', fulfillmentIds)
    .orderBy('l.walk_sequence')
    .orderBy(sql`l.sku collate "C"`)
    .orderBy('l.id')
    .execute();
  const moneyOf = await orderMoneyOf(
    trx,
    heads.map((f) => f.order_id),
  );

  const docs = heads.map((f) =>
    toFulfillmentDoc({
      id: f.id,
      orderId: f.order_id,
      orderNumber: f.channel_order_ref,
      warehouseCode: f.warehouse_code,
      status: f.status,
      cancelRequested: f.cancel_requested,
      promisedDate: f.promised_delivery_date,
      transitDays: f.transit_days,
      releasedAt: new Date(f.released_at),
      channel: f.channel_code,
      poNumber: f.po_number,
      locale: f.locale,
      warehouseName: f.warehouse_name,
      warehouseAddress: f.warehouse_address,
      shipTo: f.ship_to,
      carrier: f.carrier_code,
      service: f.service_code,
      shippingCostMinor: f.shipping_cost_minor,
      currency: f.currency,
      lines: lines
        .filter((l) => l.fulfillment_id === f.id)
        .map((l) => ({
          lineId: l.id,
          sku: l.sku,
          name: l.name,
          quantity: l.quantity,
          bin: l.bin_code,
          walkSequence: l.walk_sequence,
          unitWeightGrams: l.weight_grams,
          unitPriceCents: l.unit_price_minor,
          amountCents: pickLineAmount(
            {
              lineTotalMinor: l.line_total_minor,
              discountMinor: l.discount_minor,
              quantity: l.order_quantity,
            },
            l.quantity,
          ),
          taxRatePercent: ratePercentOf(l.tax_rate_ppm),
        })),
      orderMoney: moneyOf.get(f.order_id),
    }),
  );
  await writeFulfillmentDocs(trx, docs);
}

/** What a fulfillment's station document is made of, from the tables or from a new order in memory. */
export interface FulfillmentDocSource {
  id: string;
  orderId: string;
  orderNumber: string;
  warehouseCode: string;
  status: string;
  cancelRequested: boolean;
  promisedDate: string | null;
  transitDays: number | null;
  releasedAt: Date;
  channel: string;
  poNumber: string | null;
  locale: string | null;
  warehouseName: string;
  warehouseAddress: Partial<PostalAddress>;
  shipTo: Partial<PostalAddress>;
  carrier: string | null;
  service: string | null;
  shippingCostMinor: number;
  currency: string;
  /** In walk order (walk sequence, then SKU). */
  lines: FulfillmentDoc['lines'];
  orderMoney?: FulfillmentOrderMoney | undefined;
}

export function toFulfillmentDoc(f: FulfillmentDocSource): FulfillmentDoc {
  return {
    id: f.id,
    orderId: f.orderId,
    orderNumber: f.orderNumber,
    warehouseCode: f.warehouseCode,
    status: f.status as FulfillmentDoc['status'],
    cancelRequested: f.cancelRequested,
    onHold: f.status === 'on_hold',
    priority: priorityOf(f.promisedDate, f.transitDays, f.releasedAt),
    promisedDate: f.promisedDate,
    channel: f.channel,
    poNumber: f.poNumber,
    customerLocale: emailLocale(f.locale),
    shipFrom: toAddress({
      ...f.warehouseAddress,
      name: f.warehouseAddress.name ?? f.warehouseName,
    }),
    shipTo: toAddress(f.shipTo),
    carrier: f.carrier ?? 'unassigned',
    service: f.service ?? 'unassigned',
    shippingCostCents: f.shippingCostMinor,
    currency: f.currency,
    lines: f.lines,
    ...(f.orderMoney ? { orderMoney: f.orderMoney } : {}),
    releasedAt: f.releasedAt.toISOString(),
    updatedAt: 0,
  };
}

/** Writes fulfillment documents of any warehouses, in the caller's transaction. */
export async function writeFulfillmentDocs(
  trx: Trx,
  docs: readonly FulfillmentDoc[],
): Promise<void> {
  await writeSyncDocumentGroups(trx, 'fulfillments', fulfillmentDocGroups(docs));
}

/** Fulfillment documents grouped by the warehouse whose stations see them. */
export function fulfillmentDocGroups(
  docs: readonly FulfillmentDoc[],
): Map<string, FulfillmentDoc[]> {
  const byWarehouse = new Map<string, FulfillmentDoc[]>();
  for (const doc of docs) {
    const list = byWarehouse.get(doc.warehouseCode) ?? [];
    list.push(doc);
    byWarehouse.set(doc.warehouseCode, list);
  }
  return byWarehouse;
}

/** Publishes a warehouse's catalogue: every product with stock there, and its bins. */
export async function publishWarehouseCatalogue(trx: Trx, warehouseCode: string): Promise<void> {
  await publishProducts(trx, warehouseCode);
  const bins = await trx
    .selectFrom('bins')
    .select(['code', 'walk_sequence'])
    .where('warehouse_code', '=', warehouseCode)
    .execute();
  const binDocs: BinDoc[] = bins.map((b) => ({
    id: `${warehouseCode}:${b.code}`,
    code: b.code,
    walkSequence: b.walk_sequence,
    updatedAt: 0,
  }));
  await writeSyncDocuments(trx, warehouseCode, 'bins', binDocs);
}

export async function publishOperators(trx: Trx, operatorIds: readonly string[]): Promise<void> {
  if (operatorIds.length === 0) return;
  const rows = await trx
    .selectFrom('operators')
    .selectAll()
    .where('id', 'in', operatorIds)
    .execute();
  const byWarehouse = new Map<string, OperatorDoc[]>();
  for (const o of rows) {
    const doc: OperatorDoc = {
      id: o.id,
      badge: o.badge,
      name: o.name,
      pinHash: o.pin_hash,
      pinSalt: o.pin_salt,
      locale: emailLocale(o.locale),
      active: o.active,
      updatedAt: 0,
    };
    byWarehouse.set(o.warehouse_code, [...(byWarehouse.get(o.warehouse_code) ?? []), doc]);
  }
  for (const [warehouse, docs] of byWarehouse)
    await writeSyncDocuments(trx, warehouse, 'operators', docs);
}

/** Writes the documents of the products stocked in a warehouse: all of them, or just `skus`. */
export async function publishProducts(
  trx: Trx,
  warehouseCode: string,
  skus?: readonly string[],
): Promise<void> {
  const products = await trx
    .selectFrom('products as p')
    .select([
      'p.sku',
      'p.name',
      'p.weight_grams',
      'p.length_mm',
      'p.width_mm',
      'p.height_mm',
      'p.hs_code',
      'p.country_of_origin',
      'p.requires_lot',
      'p.requires_expiry',
      'p.requires_serial',
    ])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('stock as s')
          .select('s.sku')
          .whereRef('s.sku', '=', 'p.sku')
          .where('s.warehouse_code', '=', warehouseCode),
      ),
    )
    .$if(skus !== undefined, (q) => q.where('p.sku', 'in', skus!.length > 0 ? skus! : ['']))
    .orderBy('p.sku')
    .execute();
  const gtins = await trx
    .selectFrom('product_gtins')
    .select(['sku', 'gtin'])
    .where('sku', 'in', products.length > 0 ? products.map((p) => p.sku) : [''])
    .execute();
  // The product's bins in this warehouse, the fullest first: its home bin leads.
  const bins = await trx
    .selectFrom('stock')
    .select(['sku', 'bin_code'])
    .where('warehouse_code', '=', warehouseCode)
    .where('sku', 'in', products.length > 0 ? products.map((p) => p.sku) : [''])
    .orderBy('on_hand', 'desc')
    .orderBy('bin_code')
    .execute();
  const productDocs: ProductDoc[] = products.map((p) => ({
    id: p.sku,
    name: p.name,
    gtins: gtins.filter((g) => g.sku === p.sku).map((g) => gtin14(g.gtin)),
    bins: bins.filter((b) => b.sku === p.sku).map((b) => b.bin_code),
    weightGrams: p.weight_grams,
    lengthMm: p.length_mm,
    widthMm: p.width_mm,
    heightMm: p.height_mm,
    hsCode: p.hs_code,
    originCountry: p.country_of_origin,
    requiresLot: p.requires_lot,
    requiresSerial: p.requires_serial,
    requiresExpiry: p.requires_expiry,
    updatedAt: 0,
  }));
  await writeSyncDocuments(trx, warehouseCode, 'products', productDocs);
}
