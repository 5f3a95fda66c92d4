// What each quote version's VAT was decided on (origin, delivery and billing country, the buyer's
// VAT number, the supply date), so an acceptance whose VAT would differ can say why.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table b2b_quote_versions add column vat_basis jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table b2b_quote_versions drop column vat_basis`.execute(db);
}
