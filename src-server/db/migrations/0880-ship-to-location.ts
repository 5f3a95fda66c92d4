// Which point sourcing measured the distance from: the order's own coordinates, its postal-code
// area, its place, its region or its country (src-server/sourcing/ship-to-location.ts).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table orders add column ship_to_location_source text
    check (ship_to_location_source in ('order', 'postal-code', 'city', 'region', 'country'))`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table orders drop column ship_to_location_source`.execute(db);
}
