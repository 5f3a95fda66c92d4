// Catalogue, warehouses, stock and channels: the master data orders are sourced against.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create table products (
    sku text primary key check (length(sku) between 1 and 64),
    name text not null,
    weight_grams integer not null check (weight_grams > 0),
    length_mm integer not null check (length_mm > 0),
    width_mm integer not null check (width_mm > 0),
    height_mm integer not null check (height_mm > 0),
    hs_code text not null check (hs_code ~ '^[0-9]{6,10}$'),
    country_of_origin char(2) not null,
    created_at timestamptz not null default now()
  )`,
  sql`create table product_gtins (
    gtin text primary key check (gtin ~ '^[0-9]{8}$|^[0-9]{12,14}$'),
    sku text not null references products (sku) on delete cascade
  )`,
  sql`create index product_gtins_sku on product_gtins (sku)`,
  sql`create table product_prices (
    sku text not null references products (sku) on delete cascade,
    currency char(3) not null,
    unit_price_minor integer not null check (unit_price_minor >= 0),
    primary key (sku, currency)
  )`,
  sql`create table warehouses (
    code text primary key,
    name text not null,
    address jsonb not null,
    country char(2) not null,
    latitude double precision not null check (latitude between -90 and 90),
    longitude double precision not null check (longitude between -180 and 180),
    active boolean not null default true
  )`,
  sql`create table bins (
    warehouse_code text not null references warehouses (code),
    code text not null,
    walk_sequence integer not null,
    primary key (warehouse_code, code)
  )`,
  sql`create table stock (
    warehouse_code text not null,
    sku text not null references products (sku),
    bin_code text not null,
    on_hand integer not null check (on_hand >= 0),
    updated_at timestamptz not null default now(),
    primary key (sku, warehouse_code, bin_code),
    foreign key (warehouse_code, bin_code) references bins (warehouse_code, code)
  )`,
  sql`create table channels (
    code text primary key,
    name text not null,
    kind text not null check (kind in ('web_shop', 'marketplace', 'social_shop', 'b2b_portal', 'sales_rep')),
    platform text not null default 'canonical' check (platform in ('canonical', 'shopify', 'magento')),
    webhook_secret text,
    created_at timestamptz not null default now()
  )`,
  sql`create table channel_api_keys (
    id uuid primary key,
    channel_code text not null references channels (code),
    key_hash text not null unique,
    label text not null,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
  )`,
  sql`create table customers (
    id uuid primary key,
    kind text not null check (kind in ('person', 'company')),
    name text not null,
    email text,
    vat_number text,
    payment_terms_days integer check (payment_terms_days between 0 and 365),
    locale text not null default 'en',
    created_at timestamptz not null default now()
  )`,
  sql`create unique index customers_person_email on customers (lower(email)) where kind = 'person'`,
  sql`create unique index customers_company_name on customers (lower(name)) where kind = 'company'`,
  sql`create table customer_buyers (
    id uuid primary key,
    customer_id uuid not null references customers (id),
    name text not null,
    email text not null,
    unique (customer_id, email)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'customer_buyers',
    'customers',
    'channel_api_keys',
    'channels',
    'stock',
    'bins',
    'warehouses',
    'product_prices',
    'product_gtins',
    'products',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
