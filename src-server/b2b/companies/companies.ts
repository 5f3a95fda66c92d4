// Company accounts, buyers and price lists: writes (inside an audited transaction) and reads.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { ApiError } from '../../http/api-error';
import { openBalanceMinor } from '../credit/credit';
import type { PaymentTerms } from '../credit/credit';
import type { CompanyView, NewBuyer, NewCompany, NewPriceList } from './company-schemas';

type Trx = Transaction<Database>;

export async function createPriceList(trx: Trx, list: NewPriceList): Promise<string> {
  const id = randomUUID();
  const skus = [...new Set(list.prices.map((p) => p.sku))];
  const known = await trx.selectFrom('products').select('sku').where('sku', 'in', skus).execute();
  const knownSkus = new Set(known.map((r) => r.sku));
  const unknown = list.prices.findIndex((p) => !knownSkus.has(p.sku));
  if (unknown >= 0)
    throw new ApiError(
      422,
      'unknown_sku',
      `No product has SKU "${list.prices[unknown]!.sku}".`,
      `prices[${unknown}].sku`,
    );
  await trx
    .insertInto('b2b_price_lists')
    .values({
      id,
      name: list.name,
      currency: list.currency,
      valid_from: list.validFrom ?? null,
      valid_to: list.validTo ?? null,
    })
    .execute();
  await trx
    .insertInto('b2b_price_breaks')
    .values(
      list.prices.map((p) => ({
        price_list_id: id,
        sku: p.sku,
        min_quantity: p.minQuantity,
        unit_price_minor: p.unitPriceMinor,
      })),
    )
    .execute();
  return id;
}

const termsDays = (terms: PaymentTerms) =>
  terms.kind === 'net' || terms.kind === 'end_of_month' ? terms.days : 0;

/** A company account on its `customers` row: the one intake finds by name (made if missing). */
export async function createCompany(trx: Trx, company: NewCompany): Promise<string> {
  if (company.priceListId !== undefined) {
    const list = await trx
      .selectFrom('b2b_price_lists')
      .select('currency')
      .where('id', '=', company.priceListId)
      .executeTakeFirst();
    if (!list) throw new ApiError(422, 'unknown_price_list', 'No such price list.', 'priceListId');
    if (list.currency !== company.currency)
      throw new ApiError(
        422,
        'price_list_currency',
        `The price list is in ${list.currency}, the company buys in ${company.currency}.`,
        'priceListId',
      );
  }
  const { rows } = await sql<{ id: string }>`
    insert into customers (id, kind, name, vat_number, payment_terms_days, locale)
    values (${randomUUID()}, 'company', ${company.legalName}, ${company.vatNumber ?? null},
      ${termsDays(company.paymentTerms)}, ${company.locale})
    on conflict (lower(name)) where kind = 'company' do update set
      vat_number = excluded.vat_number, payment_terms_days = excluded.payment_terms_days,
      locale = excluded.locale
    returning id`.execute(trx);
  const id = rows[0]!.id;
  const exists = await trx
    .selectFrom('b2b_companies')
    .select('customer_id')
    .where('customer_id', '=', id)
    .executeTakeFirst();
  if (exists)
    throw new ApiError(
      409,
      'company_exists',
      `${company.legalName} already has an account.`,
      'legalName',
    );
  await trx
    .insertInto('b2b_companies')
    .values({
      customer_id: id,
      legal_name: company.legalName,
      vat_number: company.vatNumber ?? null,
      currency: company.currency,
      locale: company.locale,
      billing_address: JSON.stringify(company.billingAddress),
      shipping_address: JSON.stringify(company.shippingAddress),
      price_list_id: company.priceListId ?? null,
      payment_terms_kind: company.paymentTerms.kind,
      payment_terms_days: termsDays(company.paymentTerms),
      credit_limit_minor: company.creditLimitMinor,
      po_required: company.poRequired,
      po_unique: company.poUnique,
      billing_email: company.billingEmail,
    })
    .execute();
  return id;
}

export async function addBuyer(trx: Trx, companyId: string, buyer: NewBuyer): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into customer_buyers (id, customer_id, name, email)
    values (${randomUUID()}, ${companyId}, ${buyer.name}, ${buyer.email})
    on conflict (customer_id, email) do update set name = excluded.name
    returning id`.execute(trx);
  const id = rows[0]!.id;
  await trx
    .insertInto('b2b_buyers')
    .values({
      id,
      company_id: companyId,
      role: buyer.role,
      order_limit_minor: buyer.orderLimitMinor,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ role: buyer.role, order_limit_minor: buyer.orderLimitMinor }),
    )
    .execute();
  return id;
}

export async function companyOpenBalance(db: Kysely<Database>, companyId: string) {
  const entries = await db
    .selectFrom('b2b_ledger')
    .select(['kind', 'amount_minor'])
    .where('company_id', '=', companyId)
    .execute();
  return openBalanceMinor(entries.map((e) => ({ kind: e.kind, amountMinor: e.amount_minor })));
}

export async function getCompanyView(
  db: Kysely<Database>,
  companyId: string,
): Promise<CompanyView | null> {
  const company = await db
    .selectFrom('b2b_companies')
    .selectAll()
    .where('customer_id', '=', companyId)
    .executeTakeFirst();
  if (!company) return null;
  const buyers = await db
    .selectFrom('b2b_buyers as b')
    .innerJoin('customer_buyers as cb', 'cb.id', 'b.id')
    .select(['b.id', 'cb.name', 'cb.email', 'b.role', 'b.order_limit_minor'])
    .where('b.company_id', '=', companyId)
    .orderBy('cb.email')
    .execute();
  const kind = company.payment_terms_kind;
  const paymentTerms: PaymentTerms =
    kind === 'net' || kind === 'end_of_month'
      ? { kind, days: company.payment_terms_days }
      : { kind };
  return {
    id: company.customer_id,
    legalName: company.legal_name,
    vatNumber: company.vat_number,
    currency: company.currency,
    locale: company.locale,
    priceListId: company.price_list_id,
    paymentTerms,
    creditLimitMinor: company.credit_limit_minor,
    openBalanceMinor: await companyOpenBalance(db, companyId),
    poRequired: company.po_required,
    poUnique: company.po_unique,
    billingEmail: company.billing_email,
    buyers: buyers.map((b) => ({
      id: b.id,
      name: b.name,
      email: b.email,
      role: b.role,
      orderLimitMinor: b.order_limit_minor,
    })),
  };
}
