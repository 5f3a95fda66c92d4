// B2B: company accounts (on the company's `customers` row, which intake already finds by name),
// their buyers with roles and spending limits, contract price lists with quantity breaks and
// validity, quotes with kept versions (a sent version is never updated), PO numbers claimed per
// company, approvals, and the company ledger (invoices − payments − credit notes) credit checks use.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create table b2b_price_lists (
    id uuid primary key,
    name text not null,
    currency char(3) not null,
    valid_from date,
    valid_to date,
    created_at timestamptz not null default now(),
    check (valid_to is null or valid_from is null or valid_to >= valid_from)
  )`,
  sql`create table b2b_price_breaks (
    price_list_id uuid not null references b2b_price_lists (id) on delete cascade,
    sku text not null references products (sku),
    min_quantity integer not null check (min_quantity >= 1),
    unit_price_minor integer not null check (unit_price_minor >= 0),
    primary key (price_list_id, sku, min_quantity)
  )`,
  sql`create table b2b_companies (
    customer_id uuid primary key references customers (id),
    legal_name text not null,
    vat_number text,
    currency char(3) not null,
    locale text not null,
    billing_address jsonb not null,
    shipping_address jsonb not null,
    price_list_id uuid references b2b_price_lists (id),
    payment_terms_kind text not null check (payment_terms_kind in ('prepaid', 'net', 'end_of_month', 'at_shipment')),
    payment_terms_days integer not null default 0 check (payment_terms_days between 0 and 365),
    credit_limit_minor integer check (credit_limit_minor >= 0),
    po_required boolean not null default false,
    po_unique boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  sql`create table b2b_buyers (
    id uuid primary key references customer_buyers (id),
    company_id uuid not null references b2b_companies (customer_id),
    role text not null check (role in ('buyer', 'approver', 'company_admin')),
    order_limit_minor integer check (order_limit_minor >= 0)
  )`,
  sql`create table b2b_quotes (
    id uuid primary key,
    number text not null unique,
    company_id uuid not null references b2b_companies (customer_id),
    buyer_id uuid references b2b_buyers (id),
    request jsonb,
    status text not null check (status in ('draft', 'sent', 'accepted', 'expired')),
    current_version integer not null,
    accept_token_hash text unique,
    po_number text,
    accepted_by text,
    order_id uuid references orders (id),
    created_by text not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  sql`create table b2b_quote_versions (
    quote_id uuid not null references b2b_quotes (id),
    version integer not null check (version >= 1),
    currency char(3) not null,
    lines jsonb not null,
    shipping_minor integer not null check (shipping_minor >= 0),
    net_minor integer not null,
    tax_minor integer not null,
    total_minor integer not null,
    vat jsonb not null,
    valid_until date not null,
    notes text,
    sent_at timestamptz,
    primary key (quote_id, version)
  )`,
  // The expiry sweep reads sent quotes by their current version's validity.
  sql`create index b2b_quotes_sent on b2b_quotes (status) where status = 'sent'`,
  sql`create table b2b_po_numbers (
    company_id uuid not null references b2b_companies (customer_id),
    po_number text not null,
    quote_id uuid not null references b2b_quotes (id),
    primary key (company_id, po_number)
  )`,
  sql`create table b2b_approvals (
    id uuid primary key,
    order_id uuid not null unique references orders (id),
    company_id uuid not null references b2b_companies (customer_id),
    buyer_id uuid references b2b_buyers (id),
    reason text not null,
    status text not null check (status in ('pending', 'approved', 'rejected')),
    token_hash text not null unique,
    decided_by text,
    decided_at timestamptz,
    created_at timestamptz not null default now()
  )`,
  sql`create table b2b_ledger (
    id uuid primary key,
    company_id uuid not null references b2b_companies (customer_id),
    kind text not null check (kind in ('invoice', 'payment', 'credit_note')),
    amount_minor integer not null check (amount_minor > 0),
    reference text not null,
    order_id uuid references orders (id),
    recorded_by text not null,
    created_at timestamptz not null default now()
  )`,
  sql`create index b2b_ledger_company on b2b_ledger (company_id)`,
  // Orders the credit check held, released when a payment brings the company back under its limit.
  sql`create table b2b_credit_holds (
    order_id uuid primary key references orders (id),
    company_id uuid not null references b2b_companies (customer_id),
    amount_minor integer not null,
    released_at timestamptz,
    created_at timestamptz not null default now()
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'b2b_credit_holds',
    'b2b_ledger',
    'b2b_approvals',
    'b2b_po_numbers',
    'b2b_quote_versions',
    'b2b_quotes',
    'b2b_buyers',
    'b2b_companies',
    'b2b_price_breaks',
    'b2b_price_lists',
  ])
    await sql`drop table ${sql.table(table)}`.execute(db);
}
