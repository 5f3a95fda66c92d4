// What a station wrote stays its own, and a fulfillment ships once, whatever the code above does:
// a shipment or return receipt never changes owner, an accepted one is final, a carton keeps its
// shipment, and at most one `shipped` event exists per fulfillment. Ownership checks look a
// document id up across warehouses, hence the (collection, id) index.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

const upStatements = [
  sql`create index sync_documents_by_id on sync_documents (collection, id)`,
  // 23000 (integrity_constraint_violation): the API answers it as a refusal, never a 500.
  sql`create function refuse_shipment_change() returns trigger language plpgsql as $$
    begin
      if new.id <> old.id or new.fulfillment_id <> old.fulfillment_id
        or new.station_id <> old.station_id then
        raise exception 'shipment % keeps its id, fulfillment and station', old.id
          using errcode = 'integrity_constraint_violation';
      end if;
      if old.status = 'accepted' and new.status <> 'accepted' then
        raise exception 'shipment % was accepted; its verdict is final', old.id
          using errcode = 'integrity_constraint_violation';
      end if;
      return new;
    end
  $$`,
  sql`create trigger shipments_owned before update on shipments
    for each row execute function refuse_shipment_change()`,
  sql`create function refuse_carton_change() returns trigger language plpgsql as $$
    begin
      if new.sscc <> old.sscc or new.shipment_id <> old.shipment_id or new.items <> old.items
        or (old.tracking_number is not null
            and new.tracking_number is distinct from old.tracking_number) then
        raise exception 'carton % may only get a missing tracking number', old.sscc
          using errcode = 'integrity_constraint_violation';
      end if;
      return new;
    end
  $$`,
  sql`create trigger cartons_owned before update on cartons
    for each row execute function refuse_carton_change()`,
  sql`create function refuse_return_receipt_change() returns trigger language plpgsql as $$
    begin
      if new.id <> old.id or new.station_id <> old.station_id
        or new.warehouse_code <> old.warehouse_code then
        raise exception 'return receipt % keeps its id, station and warehouse', old.id
          using errcode = 'integrity_constraint_violation';
      end if;
      if old.status = 'accepted' and (new.status <> 'accepted'
          or new.rma_id is distinct from old.rma_id) then
        raise exception 'return receipt % was accepted; it is final', old.id
          using errcode = 'integrity_constraint_violation';
      end if;
      return new;
    end
  $$`,
  sql`create trigger return_receipts_owned before update on return_receipts
    for each row execute function refuse_return_receipt_change()`,
  // shipments_one_accepted (0100) holds one accepted shipment per fulfillment; this holds the
  // trail to one shipment even if a shipment row were ever rewritten.
  sql`create unique index order_events_shipped_once on order_events ((detail->>'fulfillmentId'))
    where type = 'shipped'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of upStatements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists order_events_shipped_once`.execute(db);
  await sql`drop trigger if exists return_receipts_owned on return_receipts`.execute(db);
  await sql`drop function if exists refuse_return_receipt_change()`.execute(db);
  await sql`drop trigger if exists cartons_owned on cartons`.execute(db);
  await sql`drop function if exists refuse_carton_change()`.execute(db);
  await sql`drop trigger if exists shipments_owned on shipments`.execute(db);
  await sql`drop function if exists refuse_shipment_change()`.execute(db);
  await sql`drop index if exists sync_documents_by_id`.execute(db);
}
