// Finds or creates the customer an order belongs to: a person by e-mail, a company by name with
// the buyer who placed it. New companies start on 30-day payment terms.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { OrderCustomerInput } from '../../shared/orders/order-schema';
import type { Database } from '../db/schema';

export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

export interface CustomerRef {
  customerId: string;
  buyerId: string | null;
  email: string;
}

export async function upsertCustomer(
  trx: Transaction<Database>,
  customer: OrderCustomerInput,
): Promise<CustomerRef> {
  const locale = customer.locale ?? 'en';
  if (customer.type === 'person') {
    const { rows } = await sql<{ id: string }>`
      insert into customers (id, kind, name, email, locale)
      values (${randomUUID()}, 'person', ${customer.name}, ${customer.email}, ${locale})
      on conflict (lower(email)) where kind = 'person' do update set name = excluded.name
      returning id`.execute(trx);
    return { customerId: rows[0]!.id, buyerId: null, email: customer.email };
  }
  const { rows } = await sql<{ id: string }>`
    insert into customers (id, kind, name, vat_number, payment_terms_days, locale)
    values (${randomUUID()}, 'company', ${customer.companyName}, ${customer.vatNumber ?? null}, ${DEFAULT_PAYMENT_TERMS_DAYS}, ${locale})
    on conflict (lower(name)) where kind = 'company'
      do update set vat_number = coalesce(customers.vat_number, excluded.vat_number)
    returning id`.execute(trx);
  const customerId = rows[0]!.id;
  const buyer = await sql<{ id: string }>`
    insert into customer_buyers (id, customer_id, name, email)
    values (${randomUUID()}, ${customerId}, ${customer.buyer.name}, ${customer.buyer.email})
    on conflict (customer_id, email) do update set name = excluded.name
    returning id`.execute(trx);
  return { customerId, buyerId: buyer.rows[0]!.id, email: customer.buyer.email };
}
