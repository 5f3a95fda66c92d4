// Replenishment suggestions per SKU × warehouse with a supplier: the stored forecast through
// the reorder maths, against on hand, open reservations and inbound purchase orders. Where a
// SKU has several suppliers for a warehouse, the shortest lead time wins (then the lowest cost).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { suggestReorder, type ReorderSuggestion } from './reorder';

export interface Suggestion extends ReorderSuggestion {
  sku: string;
  warehouseCode: string;
  supplierCode: string;
  unitCostMinor: number;
  currency: string;
  leadTimeDays: number;
  serviceLevel: number;
  onHand: number;
  reserved: number;
  inbound: number;
  forecastMethod: string;
  demandClass: string;
}

/** Open purchase order states: what is ordered and not all received counts as inbound. */
export const OPEN_PO_STATES = ['approved', 'sent', 'receiving'] as const;

export async function replenishmentSuggestions(
  db: Kysely<Database>,
  filter: { warehouseCode?: string | undefined; sku?: string | undefined } = {},
): Promise<Suggestion[]> {
  const { rows } = await sql<{
    supplier_code: string;
    warehouse_code: string;
    sku: string;
    lead_time_days: number;
    review_days: number;
    minimum_order_quantity: number;
    pack_size: number;
    unit_cost_minor: number;
    currency: string;
    service_level: number;
    on_hand: string | null;
    reserved: string | null;
    inbound: string | null;
  }>`
    select distinct on (sp.warehouse_code, sp.sku) sp.*,
      (select sum(on_hand) from stock s where s.sku = sp.sku and s.warehouse_code = sp.warehouse_code) as on_hand,
      (select sum(quantity) from reservations r where r.sku = sp.sku
        and r.warehouse_code = sp.warehouse_code and r.released_at is null) as reserved,
      (select sum(greatest(0, l.quantity - l.received_quantity)) from purchase_order_lines l
        join purchase_orders po on po.id = l.purchase_order_id
        where l.sku = sp.sku and po.warehouse_code = sp.warehouse_code
          and po.status in (${sql.join(OPEN_PO_STATES.map((s) => sql`${s}`))})) as inbound
    from supplier_products sp
    where (${filter.warehouseCode ?? null}::text is null or sp.warehouse_code = ${filter.warehouseCode ?? null})
      and (${filter.sku ?? null}::text is null or sp.sku = ${filter.sku ?? null})
    order by sp.warehouse_code, sp.sku, sp.lead_time_days, sp.unit_cost_minor`.execute(db);
  if (rows.length === 0) return [];
  const forecasts = await db
    .selectFrom('demand_forecasts')
    .select([
      'sku',
      'warehouse_code',
      'demand_class',
      'method',
      'point',
      'known_demand',
      'error_sd',
      'recent_demand',
    ])
    .where('sku', 'in', [...new Set(rows.map((r) => r.sku))])
    .execute();
  const forecastOf = new Map(forecasts.map((f) => [`${f.sku}\u0000${f.warehouse_code}`, f]));
  return rows.map((r) => {
    const f = forecastOf.get(`${r.sku}\u0000${r.warehouse_code}`);
    const onHand = Number(r.on_hand ?? 0);
    const reserved = Number(r.reserved ?? 0);
    const inbound = Number(r.inbound ?? 0);
    const suggestion = suggestReorder({
      demandClass: f?.demand_class ?? 'intermittent',
      point: f?.point ?? [],
      known: f?.known_demand ?? [],
      errorSd: f?.error_sd ?? 0,
      recentDemand: f?.recent_demand ?? [],
      leadTimeDays: r.lead_time_days,
      reviewDays: r.review_days,
      serviceLevel: r.service_level,
      onHand,
      reserved,
      inbound,
      minimumOrderQuantity: r.minimum_order_quantity,
      packSize: r.pack_size,
    });
    return {
      ...suggestion,
      reason: f ? suggestion.reason : `no forecast yet, ${suggestion.reason}`,
      sku: r.sku,
      warehouseCode: r.warehouse_code,
      supplierCode: r.supplier_code,
      unitCostMinor: r.unit_cost_minor,
      currency: r.currency.trim(),
      leadTimeDays: r.lead_time_days,
      serviceLevel: r.service_level,
      onHand,
      reserved,
      inbound,
      forecastMethod: f?.method ?? 'none',
      demandClass: f?.demand_class ?? 'unknown',
    };
  });
}
