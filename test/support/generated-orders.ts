// Many stored orders, fast: a history of orders written by set-based SQL (generate_series), for
// the query-plan test and the scale benchmark. Each order has one line, a fulfillment order with
// its pick line, a reservation (in the archive once finished) and three events; most of the history is
// finished (delivered, shipped, cancelled), a few are open, as in a shop that has run for a while.
// Uses the channels, warehouses and products already stored.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../src-server/db/schema';

/** Order status by a hash `h` in 0–99 of the order's number, independent of channel and warehouse. */
const STATUS_MIX = `case
  when h < 62 then 'delivered' when h < 80 then 'shipped'
  when h < 86 then 'cancelled' when h < 91 then 'released'
  when h < 93 then 'picking' when h < 95 then 'packed'
  when h < 96 then 'on_hold' when h < 97 then 'backordered'
  when h < 98 then 'partially_shipped' else 'allocated' end`;

export interface GeneratedOrders {
  count: number;
  /** The newest generated order is placed at `newest`; each older one `spacingSeconds` before. */
  newest: Date;
  spacingSeconds: number;
}

/** Writes `count` orders, in slices of `slice` so no statement runs for minutes. */
export async function generateOrders(
  db: Kysely<Database>,
  count: number,
  options: { slice?: number; spacingSeconds?: number } = {},
): Promise<GeneratedOrders> {
  const slice = options.slice ?? 100_000;
  const spacingSeconds = options.spacingSeconds ?? 30;
  const newest = new Date();
  const prefix = randomBytes(6).toString('hex');
  for (let from = 1; from <= count; from += slice) {
    const to = Math.min(count, from + slice - 1);
    await generateSlice(db, { prefix, from, to, newest, spacingSeconds });
  }
  await sql`analyze`.execute(db);
  return { count, newest, spacingSeconds };
}

interface Slice {
  prefix: string;
  from: number;
  to: number;
  newest: Date;
  spacingSeconds: number;
}

async function generateSlice(db: Kysely<Database>, s: Slice): Promise<void> {
  // A hash with the version 4 and variant bits set: the API accepts only well-formed UUIDs.
  const id = (kind: string) =>
    sql.raw(
      `overlay(overlay(md5('${s.prefix}${kind}' || g) placing '4' from 13) placing '8' from 17)::uuid`,
    );
  const status = sql.raw(STATUS_MIX);
  await db.transaction().execute(async (trx) => {
    await sql`create temporary table generated on commit drop as
      select g, ${status} as status, warehouses[1 + w % cardinality(warehouses)] as warehouse_code,
        ${sql.lit(s.newest.toISOString())}::timestamptz - g * ${sql.lit(s.spacingSeconds)} * interval '1 second' as placed_at,
        channels, skus
      from (
        select g, abs(hashtext('s' || g)) % 100 as h, abs(hashtext('w' || g)) as w,
          (select array_agg(code order by code) from channels) as channels,
          (select array_agg(code order by code) from warehouses where active) as warehouses,
          (select array_agg(sku order by sku) from products) as skus
        from generate_series(${s.from}::int, ${s.to}::int) g
      ) numbered`.execute(trx);
    await sql`insert into orders (id, channel_code, channel_order_ref, currency, status, email,
        ship_to, subtotal_minor, shipping_charged_minor, total_minor, net_minor, po_number, placed_at, created_at, updated_at)
      select ${id('o')}, channels[1 + g % cardinality(channels)], ${s.prefix} || '-' || g, 'EUR', status,
        'shopper' || (g % 5000) || '@example.com',
        '{"name":"Shopper","line1":"Teststraat 1","postalCode":"1012 AB","city":"Amsterdam","country":"NL"}',
        1000, 0, 1000, 1000, case when g % 10 = 0 then 'PO-' || g end, placed_at, placed_at, placed_at
      from generated`.execute(trx);
    await sql`insert into order_lines (id, order_id, line_no, sku, name, quantity, unit_price_minor, line_total_minor, net_minor, gross_minor, backordered_quantity)
      select ${id('l')}, ${id('o')}, 1, skus[1 + g % cardinality(skus)], 'Generated product', 1, 1000, 1000, 1000, 1000,
        case when status = 'backordered' then 1 else 0 end
      from generated`.execute(trx);
    await sql`insert into fulfillment_orders (id, order_id, warehouse_code, status, ship_to, currency,
        distance_km, released_at, created_at, updated_at, carrier_code, service_code)
      select ${id('f')}, ${id('o')}, warehouse_code,
        case when status in ('delivered', 'shipped', 'partially_shipped') then 'shipped'
             when status = 'allocated' then 'released' else status end,
        '{"name":"Shopper","line1":"Teststraat 1","postalCode":"1012 AB","city":"Amsterdam","country":"NL"}',
        'EUR', 50, placed_at, placed_at, placed_at, 'postnl', 'standard'
      from generated where status <> 'backordered'`.execute(trx);
    await sql`insert into fulfillment_lines (id, fulfillment_id, order_line_id, sku, quantity, bin_code, walk_sequence)
      select ${id('p')}, ${id('f')}, ${id('l')}, skus[1 + g % cardinality(skus)], 1, 'A-01', 10
      from generated where status <> 'backordered'`.execute(trx);
    // Finished orders' reservations are where the archive sweep would have put them.
    for (const [table, finished] of [
      ['reservations', false],
      ['reservations_archive', true],
    ] as const) {
      await sql`insert into ${sql.table(table)} (id, order_id, order_line_id, fulfillment_id, warehouse_code, sku, quantity, created_at, released_at)
        select ${id('r')}, ${id('o')}, ${id('l')}, ${id('f')}, warehouse_code,
          skus[1 + g % cardinality(skus)], 1, placed_at,
          case when ${sql.lit(finished)} then placed_at + interval '1 day' end
        from generated
        where status <> 'backordered'
          and (status in ('delivered', 'shipped', 'partially_shipped', 'cancelled')) = ${sql.lit(finished)}`.execute(
        trx,
      );
    }
    await sql`insert into order_events (order_id, type, actor, detail, created_at)
      select ${id('o')}, e.type, 'generated', '{}', placed_at
      from generated, (values ('placed'), ('allocated'), ('released')) as e(type)`.execute(trx);
  });
}
