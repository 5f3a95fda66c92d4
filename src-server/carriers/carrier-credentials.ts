// Carrier credentials per warehouse: validated with the carrier adapter's own schema, sealed
// before they are stored, opened only for a station of that warehouse (over its token). The
// status list names every carrier the shipping services can choose, so a carrier without
// credentials shows as a configuration error before any order is packed.
import type { Kysely, Transaction } from 'kysely';
import {
  CARRIER_CREDENTIAL_SCHEMAS,
  isLabelCarrier,
  type StationCarrierSetting,
} from '../../shared/carriers/carrier-credentials';
import { OWN_CARRIER } from '../../shared/carriers/carrier-adapter';
import type { Database } from '../db/schema';
import { ApiError, fieldPath } from '../http/api-error';
import type { CarrierSecrets } from './carrier-secrets';

export type CarrierStatus = 'configured' | 'fallback-to-own' | 'missing' | 'no-adapter';

export interface CarrierStatusRow {
  carrier: string;
  status: CarrierStatus;
  fallbackToOwn: boolean;
  updatedAt: string | null;
  /** What the back office should do, for every status but "configured". */
  problem: string | null;
}

const context = (warehouseCode: string, carrier: string) => `${warehouseCode}/${carrier}`;

async function requireWarehouse(db: Kysely<Database>, code: string): Promise<void> {
  const found = await db
    .selectFrom('warehouses')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  if (!found) throw new ApiError(404, 'not_found', `No warehouse "${code}"`, 'warehouseCode');
}

export async function saveCarrierCredentials(
  db: Kysely<Database>,
  secrets: CarrierSecrets,
  input: { warehouseCode: string; carrier: string; credentials?: unknown; fallbackToOwn: boolean },
): Promise<void> {
  await requireWarehouse(db, input.warehouseCode);
  let sealed: string | null = null;
  if (input.credentials !== undefined && input.credentials !== null) {
    if (!isLabelCarrier(input.carrier))
      throw new ApiError(
        400,
        'validation_error',
        `Carrier "${input.carrier}" has no label adapter; only fallbackToOwn can be set`,
        'carrier',
      );
    const parsed = CARRIER_CREDENTIAL_SCHEMAS[input.carrier].safeParse(input.credentials);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = fieldPath(['credentials', ...issue.path]);
      throw new ApiError(400, 'validation_error', `${field}: ${issue.message}`, field);
    }
    sealed = secrets.seal(JSON.stringify(parsed.data), context(input.warehouseCode, input.carrier));
  }
  await db
    .insertInto('carrier_credentials')
    .values({
      warehouse_code: input.warehouseCode,
      carrier: input.carrier,
      sealed,
      fallback_to_own: input.fallbackToOwn,
    })
    // Credentials are write-only in the back office: a change of the fallback alone (credentials
    // absent) keeps the stored ones; null removes them.
    .onConflict((oc) =>
      oc.columns(['warehouse_code', 'carrier']).doUpdateSet({
        ...(input.credentials === undefined ? {} : { sealed }),
        fallback_to_own: input.fallbackToOwn,
        updated_at: new Date(),
      }),
    )
    .execute();
}

/** What the audit log keeps of a warehouse's carrier setting: never the sealed credentials. */
export async function carrierCredentialSnapshot(
  trx: Transaction<Database>,
  warehouseCode: string,
  carrier: string,
) {
  const row = await trx
    .selectFrom('carrier_credentials')
    .select(['sealed', 'fallback_to_own'])
    .where('warehouse_code', '=', warehouseCode)
    .where('carrier', '=', carrier)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return null;
  return { credentialsSet: row.sealed !== null, fallbackToOwn: row.fallback_to_own };
}

export async function carrierStatuses(
  db: Kysely<Database>,
  warehouseCode: string,
  serviceCarriers: readonly string[],
): Promise<CarrierStatusRow[]> {
  await requireWarehouse(db, warehouseCode);
  const rows = await db
    .selectFrom('carrier_credentials')
    .selectAll()
    .where('warehouse_code', '=', warehouseCode)
    .execute();
  const byCarrier = new Map(rows.map((r) => [r.carrier, r]));
  const carriers = [...new Set([...serviceCarriers, ...byCarrier.keys()])]
    .filter((c) => c !== OWN_CARRIER)
    .sort();
  return carriers.map((carrier) => {
    const row = byCarrier.get(carrier);
    const fallbackToOwn = row?.fallback_to_own ?? false;
    const fallbackNote = fallbackToOwn
      ? '; its cartons go as the own carrier (fallback allowed)'
      : '; its cartons wait as label pending';
    const status: CarrierStatus = !isLabelCarrier(carrier)
      ? 'no-adapter'
      : row?.sealed
        ? 'configured'
        : fallbackToOwn
          ? 'fallback-to-own'
          : 'missing';
    const problem =
      status === 'configured'
        ? null
        : status === 'no-adapter'
          ? `No label adapter for ${carrier} yet${fallbackNote}`
          : `No ${carrier} credentials for warehouse ${warehouseCode}${fallbackNote}`;
    return {
      carrier,
      status,
      fallbackToOwn,
      updatedAt: row ? new Date(row.updated_at).toISOString() : null,
      problem,
    };
  });
}

/** What one station of the warehouse receives: opened credentials and the fallback choice. */
export async function stationCarrierSettings(
  db: Kysely<Database>,
  secrets: CarrierSecrets,
  warehouseCode: string,
  serviceCarriers: readonly string[],
): Promise<StationCarrierSetting[]> {
  const rows = await db
    .selectFrom('carrier_credentials')
    .selectAll()
    .where('warehouse_code', '=', warehouseCode)
    .execute();
  const byCarrier = new Map(rows.map((r) => [r.carrier, r]));
  const carriers = [...new Set([...serviceCarriers, ...byCarrier.keys()])]
    .filter((c) => c !== OWN_CARRIER)
    .sort();
  return carriers.map((carrier) => {
    const row = byCarrier.get(carrier);
    const credentials = row?.sealed
      ? (JSON.parse(secrets.open(row.sealed, context(warehouseCode, carrier))) as Record<
          string,
          unknown
        >)
      : null;
    return { carrier, credentials, fallbackToOwn: row?.fallback_to_own ?? false };
  });
}
