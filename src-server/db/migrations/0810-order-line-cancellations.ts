// Cancelling quantities of order lines before they are packed. A line's quantity and money
// columns keep what is still ordered (so the station, packing slip, tax and refunds see the order
// as it now is); the cancelled_* columns keep what was taken off, so ordered = kept + cancelled.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const COLUMNS = [
  'cancelled_quantity',
  'cancelled_line_total_minor',
  'cancelled_discount_minor',
  'cancelled_tax_minor',
  'cancelled_net_minor',
  'cancelled_gross_minor',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) {
    await sql`alter table order_lines add column ${sql.ref(column)} integer not null default 0
      check (${sql.ref(column)} >= 0)`.execute(db);
  }
  // A line may now have every unit cancelled; it still was ordered.
  await sql`alter table order_lines drop constraint order_lines_quantity_check`.execute(db);
  await sql`alter table order_lines add constraint order_lines_quantity_check
    check (quantity >= 0 and quantity + cancelled_quantity > 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table order_lines drop constraint order_lines_quantity_check`.execute(db);
  await sql`alter table order_lines add constraint order_lines_quantity_check
    check (quantity > 0)`.execute(db);
  for (const column of COLUMNS) {
    await sql`alter table order_lines drop column ${sql.ref(column)}`.execute(db);
  }
}
