// Station enrolment: an admin creates a station for a warehouse and gets a one-time code; the
// station exchanges it for a long-lived token scoped to that warehouse. Both are stored hashed.
import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { hashApiKey } from '../access/api-keys';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import {
  publishFulfillments,
  publishOperators,
  publishWarehouseCatalogue,
} from '../sync/projections';

const ENROLMENT_VALID_MS = 24 * 60 * 60 * 1000;
// No 0/O, 1/I/L: a lead reads the code out or types it from a screen.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function generateEnrolmentCode(): string {
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Codes are compared without dashes, spaces or case, as people type them. */
export function normaliseEnrolmentCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export interface CreatedStation {
  stationId: string;
  name: string;
  warehouseCode: string;
  enrolmentCode: string;
  expiresAt: string;
}

export async function createStation(
  db: Kysely<Database>,
  input: { warehouseCode: string; name: string },
): Promise<CreatedStation> {
  const warehouse = await db
    .selectFrom('warehouses')
    .select('code')
    .where('code', '=', input.warehouseCode)
    .executeTakeFirst();
  if (!warehouse)
    throw new ApiError(
      422,
      'unknown_warehouse',
      `There is no warehouse ${input.warehouseCode}.`,
      'warehouseCode',
    );
  const code = generateEnrolmentCode();
  const stationId = randomUUID();
  const expiresAt = new Date(Date.now() + ENROLMENT_VALID_MS);
  await db
    .insertInto('stations')
    .values({
      id: stationId,
      warehouse_code: warehouse.code,
      name: input.name,
      enrolment_code_hash: hashApiKey(normaliseEnrolmentCode(code)),
      enrolment_expires_at: expiresAt,
    })
    .execute();
  return {
    stationId,
    name: input.name,
    warehouseCode: warehouse.code,
    enrolmentCode: code,
    expiresAt: expiresAt.toISOString(),
  };
}

export interface EnrolledStation {
  stationId: string;
  stationName: string;
  warehouseCode: string;
  token: string;
}

export async function enrolStation(db: Kysely<Database>, code: string): Promise<EnrolledStation> {
  const codeHash = hashApiKey(normaliseEnrolmentCode(code));
  const token = `st_${randomBytes(32).toString('base64url')}`;
  return db.transaction().execute(async (trx) => {
    const station = await trx
      .selectFrom('stations')
      .selectAll()
      .where('enrolment_code_hash', '=', codeHash)
      .forUpdate()
      .executeTakeFirst();
    if (
      !station ||
      station.revoked_at ||
      !station.enrolment_expires_at ||
      station.enrolment_expires_at.getTime() < Date.now()
    ) {
      throw new ApiError(
        401,
        'invalid_enrolment_code',
        'This enrolment code is unknown, used or expired. Ask for a new one.',
      );
    }
    await trx
      .updateTable('stations')
      .set({
        token_hash: hashApiKey(token),
        enrolment_code_hash: null,
        enrolment_expires_at: null,
        enrolled_at: new Date(),
      })
      .where('id', '=', station.id)
      .execute();
    // A new station pulls everything; make sure its warehouse's documents exist.
    await publishWarehouseCatalogue(trx, station.warehouse_code);
    const operators = await trx
      .selectFrom('operators')
      .select('id')
      .where('warehouse_code', '=', station.warehouse_code)
      .execute();
    await publishOperators(
      trx,
      operators.map((o) => o.id),
    );
    const unpublished = await trx
      .selectFrom('fulfillment_orders as f')
      .select('f.id')
      .where('f.warehouse_code', '=', station.warehouse_code)
      .where(
        sql<boolean>`not exists (select 1 from sync_documents d
          where d.warehouse_code = f.warehouse_code and d.collection = 'fulfillments' and d.id = f.id::text)`,
      )
      .execute();
    await publishFulfillments(
      trx,
      unpublished.map((f) => f.id),
    );
    return {
      stationId: station.id,
      stationName: station.name,
      warehouseCode: station.warehouse_code,
      token,
    };
  });
}

export async function revokeStation(db: Kysely<Database>, stationId: string): Promise<void> {
  const result = await db
    .updateTable('stations')
    .set({ revoked_at: new Date(), token_hash: null })
    .where('id', '=', stationId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound(`Station ${stationId}`);
}

export interface StationIdentity {
  stationId: string;
  stationName: string;
  warehouseCode: string;
}

export async function stationForToken(
  db: Kysely<Database>,
  token: string,
): Promise<StationIdentity | null> {
  const row = await db
    .selectFrom('stations')
    .select(['id', 'name', 'warehouse_code'])
    .where('token_hash', '=', hashApiKey(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row
    ? { stationId: row.id, stationName: row.name, warehouseCode: row.warehouse_code }
    : null;
}
