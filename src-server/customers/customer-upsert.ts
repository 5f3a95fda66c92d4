// Finds or creates the customer an order belongs to: a person by e-mail, a company by name with
// the buyer who placed it. New companies start on 30-day payment terms.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { OrderCustomerInput } from '../../shared/orders/order-schema';
import { compareCodes } from '../db/code-order';
import type { Database } from '../db/schema';

export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

export interface CustomerRef {
  customerId: string;
  buyerId: string | null;
  email: string;
  /** The customer's language for documents (packing slip, e-mails). */
  locale: string;
}

/** A company by name (new ones on 30-day terms) with the buyer who placed the order. */
async function upsertCompany(
  trx: Transaction<Database>,
  customer: Extract<OrderCustomerInput, { type: 'company' }>,
): Promise<CustomerRef> {
  const locale = customer.locale ?? 'en';
  const { rows } = await sql<{ id: string; locale: string }>`
    insert into customers (id, kind, name, vat_number, payment_terms_days, locale)
    values (${randomUUID()}, 'company', ${customer.companyName}, ${customer.vatNumber ?? null}, ${DEFAULT_PAYMENT_TERMS_DAYS}, ${locale})
    on conflict (lower(name)) where kind = 'company'
      do update set vat_number = coalesce(customers.vat_number, excluded.vat_number)
    returning id, locale`.execute(trx);
  const customerId = rows[0]!.id;
  const buyer = await sql<{ id: string }>`
    insert into customer_buyers (id, customer_id, name, email)
    values (${randomUUID()}, ${customerId}, ${customer.buyer.name}, ${customer.buyer.email})
    on conflict (customer_id, email) do update set name = excluded.name
    returning id`.execute(trx);
  return {
    customerId,
    buyerId: buyer.rows[0]!.id,
    email: customer.buyer.email,
    locale: rows[0]!.locale,
  };
}

/**
 * The customers of a batch of orders, in the batch's order. People are upserted in one statement
 * (one row per e-mail, sorted, so concurrent batches lock them in the same order); companies,
 * rarer and with a buyer each, one by one.
 */
export async function upsertCustomers(
  trx: Transaction<Database>,
  customers: readonly OrderCustomerInput[],
): Promise<CustomerRef[]> {
  const people = new Map<string, { name: string; email: string; locale: string }>();
  for (const customer of customers) {
    if (customer.type !== 'person') continue;
    // The last order of the batch names the person, as if the orders had come one by one.
    people.set(customer.email.toLowerCase(), {
      name: customer.name,
      email: customer.email,
      locale: customer.locale ?? 'en',
    });
  }
  const personRows = new Map<string, { id: string; locale: string }>();
  if (people.size > 0) {
    const rows = [...people.entries()]
      .sort(([a], [b]) => compareCodes(a, b))
      .map(([, p]) => sql`(${randomUUID()}, 'person', ${p.name}, ${p.email}, ${p.locale})`);
    const upserted = await sql<{ id: string; email: string; locale: string }>`
      insert into customers (id, kind, name, email, locale)
      values ${sql.join(rows)}
      on conflict (lower(email)) where kind = 'person' do update set name = excluded.name
      returning id, email, locale`.execute(trx);
    for (const row of upserted.rows) personRows.set(row.email.toLowerCase(), row);
  }
  const refs: CustomerRef[] = [];
  for (const customer of customers) {
    if (customer.type === 'person') {
      const row = personRows.get(customer.email.toLowerCase());
      if (!row) throw new Error(`customer ${customer.email} was not upserted`);
      refs.push({ customerId: row.id, buyerId: null, email: customer.email, locale: row.locale });
    } else {
      refs.push(await upsertCompany(trx, customer));
    }
  }
  return refs;
}
