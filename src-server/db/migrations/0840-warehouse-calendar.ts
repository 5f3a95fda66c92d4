// Each warehouse works to its own clock: a time zone, a daily cut-off (work released before it
// ships the same day) and the region whose public holidays apply on top of its country's.
// Existing warehouses get their country's zone where the country has one; the rest keep the
// default until an admin sets it (PATCH /v1/warehouses/:code).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** Countries with a single time zone that warehouses are likely to be in. */
const ZONE_OF_COUNTRY: Record<string, string> = {
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  LU: 'Europe/Luxembourg',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  AT: 'Europe/Vienna',
  CH: 'Europe/Zurich',
  IT: 'Europe/Rome',
  PL: 'Europe/Warsaw',
  CZ: 'Europe/Prague',
  DK: 'Europe/Copenhagen',
  SE: 'Europe/Stockholm',
  FI: 'Europe/Helsinki',
  NO: 'Europe/Oslo',
  JP: 'Asia/Tokyo',
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table warehouses
    add column time_zone text not null default 'Europe/Amsterdam',
    add column cutoff_time text not null default '17:00'
      check (cutoff_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
    add column holiday_region text`.execute(db);
  for (const [country, zone] of Object.entries(ZONE_OF_COUNTRY)) {
    await sql`update warehouses set time_zone = ${zone} where country = ${country}`.execute(db);
  }
  // The day a fulfillment is due to leave: the warehouse's next cut-off when it was released.
  await sql`alter table fulfillment_orders add column ship_by date`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table fulfillment_orders drop column if exists ship_by`.execute(db);
  await sql`alter table warehouses drop column if exists time_zone,
    drop column if exists cutoff_time, drop column if exists holiday_region`.execute(db);
}
