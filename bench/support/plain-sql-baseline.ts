// The intake benchmark's baseline: the rows one intake writes for an order, inserted by plain SQL
// in one transaction per order (no sourcing, no pricing, no JSON responses), on its own pool.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { benchOrder } from './bench-orders';

export function plainSqlInserter(databaseUrl: string, connections: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  const insert = async (i: number) => {
    const order = benchOrder(i);
    const client = await pool.connect();
    try {
      const orderId = randomUUID();
      const fulfillmentId = randomUUID();
      await client.query('begin');
      const customer = await client.query(
        `insert into customers (id, kind, name, email) values ($1, 'person', $2, $3)
         on conflict (lower(email)) where kind = 'person' do update set name = excluded.name returning id`,
        [randomUUID(), order.customer.name, order.customer.email],
      );
      await client.query(
        `insert into orders (id, channel_code, channel_order_ref, customer_id, currency, status, email, ship_to, subtotal_minor, shipping_charged_minor, total_minor, net_minor, placed_at)
         values ($1, 'marketplace', $2, $3, 'EUR', 'released', $4, $5, 1000, 0, 1000, 1000, now())`,
        [
          orderId,
          order.channelOrderRef,
          customer.rows[0].id,
          order.customer.email,
          JSON.stringify(order.shipTo),
        ],
      );
      const lineIds = order.lines.map(() => randomUUID());
      for (const [k, line] of order.lines.entries()) {
        await client.query(
          `insert into order_lines (id, order_id, line_no, sku, name, quantity, unit_price_minor, line_total_minor, net_minor, gross_minor) values ($1, $2, $3, $4, 'x', 1, 1000, 1000, 1000, 1000)`,
          [lineIds[k], orderId, k + 1, line.sku],
        );
      }
      await client.query(
        `insert into fulfillment_orders (id, order_id, warehouse_code, status, ship_to, currency, distance_km, released_at) values ($1, $2, 'NL-TIL', 'released', $3, 'EUR', 10, now())`,
        [fulfillmentId, orderId, JSON.stringify(order.shipTo)],
      );
      for (const [k, line] of order.lines.entries()) {
        await client.query(
          `insert into fulfillment_lines (id, fulfillment_id, order_line_id, sku, quantity, bin_code, walk_sequence) values ($1, $2, $3, $4, 1, 'A-01', 1)`,
          [randomUUID(), fulfillmentId, lineIds[k], line.sku],
        );
        await client.query(
          `insert into reservations (id, order_id, order_line_id, fulfillment_id, warehouse_code, sku, quantity) values ($1, $2, $3, $4, 'NL-TIL', $5, 1)`,
          [randomUUID(), orderId, lineIds[k], fulfillmentId, line.sku],
        );
      }
      await client.query(
        `insert into order_events (order_id, type, actor) values ($1, 'placed', 'bench'), ($1, 'allocated', 'bench'), ($1, 'released', 'bench')`,
        [orderId],
      );
      await client.query(
        `insert into outbox_events (id, type, aggregate_type, aggregate_id, payload) values ($1, 'order.placed', 'order', $2, '{}'), ($3, 'order.allocated', 'order', $2, '{}')`,
        [randomUUID(), orderId, randomUUID()],
      );
      await client.query(
        `insert into idempotency_keys (scope, key, request_hash, status_code, response) values ('marketplace', $1, 'x', 201, '{}')`,
        [randomUUID()],
      );
      await client.query('commit');
      return 201;
    } finally {
      client.release();
    }
  };
  return { insert, close: () => pool.end() };
}
