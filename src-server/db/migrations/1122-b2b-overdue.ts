// Overdue invoices: where a company wants its invoices and reminders (billing_email; else its
// admins or buyers) and the day an invoice's overdue alert was raised (once per invoice).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table b2b_companies add column billing_email text`.execute(db);
  await sql`alter table b2b_invoices add column overdue_alerted_on date`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table b2b_invoices drop column overdue_alerted_on`.execute(db);
  await sql`alter table b2b_companies drop column billing_email`.execute(db);
}
