// The quote version a reminder before expiry went out for: one reminder per sent version.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table b2b_quotes add column reminded_version integer`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table b2b_quotes drop column reminded_version`.execute(db);
}
