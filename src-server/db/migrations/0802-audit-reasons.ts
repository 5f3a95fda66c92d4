// The reason a person gave for a change (holding, releasing or cancelling an order, …), kept
// with its audit entry: "who, when, what, before and after" and why.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log add column reason text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log drop column reason`.execute(db);
}
