// An RMA may come back in several parcels: each accepted receipt gets its own refund (keyed by
// receipt), the shipping charge is refunded at most once per order (a unique index, not just a
// check in code), RMAs gain the partial states and an expiry date, and stations get the documents
// in their new shape: RMAs with the receipts they count and their expiry, products with their bins.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/** What RMA_EXPIRY_DAYS defaults to; RMAs authorised before this migration expire by it. */
const DEFAULT_EXPIRY_DAYS = 30;

const STATUSES = `'authorised', 'in_transit', 'partially_received', 'partially_refunded', 'received', 'inspected', 'refunded', 'closed', 'expired', 'rejected'`;
const AWAITING = `'authorised', 'in_transit', 'partially_received', 'partially_refunded'`;

const upStatements = [
  sql`alter table rmas drop constraint rmas_status_check`,
  sql`alter table rmas add constraint rmas_status_check check (status in (${sql.raw(STATUSES)}))`,
  sql`alter table rmas add column expires_at timestamptz`,
  sql`update rmas set expires_at = created_at + ${sql.lit(`${DEFAULT_EXPIRY_DAYS} days`)}::interval`,
  sql`alter table rmas alter column expires_at set not null`,
  sql`create index rmas_expiring on rmas (expires_at) where status in (${sql.raw(AWAITING)})`,

  // Several accepted receipts per RMA now: one per parcel.
  sql`drop index return_receipts_one_accepted`,
  sql`create index return_receipts_rma on return_receipts (rma_id) where rma_id is not null`,

  sql`alter table refunds drop constraint refunds_rma_id_key`,
  sql`create index refunds_rma on refunds (rma_id)`,
  sql`alter table refunds add column receipt_id text references return_receipts (id)`,
  // Until now an RMA had at most one accepted receipt, and only an accepted receipt made a refund.
  sql`update refunds f set receipt_id = (
    select r.id from return_receipts r
    where r.rma_id = f.rma_id and r.status = 'accepted'
    order by r.created_at, r.id limit 1)`,
  sql`alter table refunds alter column receipt_id set not null`,
  sql`create unique index refunds_one_per_receipt on refunds (receipt_id)`,
  sql`alter table refunds add column shipping_minor integer not null default 0 check (shipping_minor >= 0)`,
  // The first refund of an order that gave shipping back keeps it; the index below holds the rule.
  sql`update refunds f set shipping_minor = coalesce((f.breakdown ->> 'shippingMinor')::int, 0)
    where not exists (
      select 1 from refunds g
      where g.order_id = f.order_id and coalesce((g.breakdown ->> 'shippingMinor')::int, 0) > 0
        and (g.created_at, g.id) < (f.created_at, f.id))`,
  sql`create unique index refunds_shipping_once on refunds (order_id) where shipping_minor > 0`,

  // The stations' copies in the new shape, restamped so every station pulls them again. Writes to
  // a warehouse's documents hold its lock while they draw stamps (see document-store.ts).
  sql`select count(pg_advisory_xact_lock(hashtext('sync:' || code))) from (select code from warehouses order by code) w`,
  sql`update sync_documents d set
      doc = d.doc || jsonb_build_object(
        'receiptIds', coalesce((
          select jsonb_agg(rr.id order by rr.created_at, rr.id) from return_receipts rr
          where rr.rma_id = r.id and rr.status = 'accepted'), '[]'::jsonb),
        'expiresAt', to_char(r.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
      updated_at = nextval('sync_seq')
    from rmas r
    where d.collection = 'rmas' and d.id = r.id::text`,
  sql`update sync_documents d set
      doc = d.doc || jsonb_build_object('bins', coalesce((
        select jsonb_agg(s.bin_code order by s.on_hand desc, s.bin_code) from stock s
        where s.sku = d.id and s.warehouse_code = d.warehouse_code), '[]'::jsonb)),
      updated_at = nextval('sync_seq')
    where d.collection = 'products'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`drop index refunds_shipping_once`,
    sql`alter table refunds drop column shipping_minor`,
    sql`drop index refunds_one_per_receipt`,
    sql`alter table refunds drop column receipt_id`,
    sql`drop index refunds_rma`,
    sql`alter table refunds add constraint refunds_rma_id_key unique (rma_id)`,
    sql`drop index return_receipts_rma`,
    sql`create unique index return_receipts_one_accepted on return_receipts (rma_id) where status = 'accepted' and rma_id is not null`,
    sql`drop index rmas_expiring`,
    sql`alter table rmas drop column expires_at`,
    sql`alter table rmas drop constraint rmas_status_check`,
    sql`alter table rmas add constraint rmas_status_check check (status in ('authorised', 'in_transit', 'received', 'inspected', 'refunded', 'closed', 'rejected'))`,
  ])
    await statement.execute(db);
}
