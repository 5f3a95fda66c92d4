// The central allocator of SSCC serials and own-carrier tracking serials. Each lease is a block
// taken with one atomic UPDATE, so no two stations (or API instances) ever get the same numbers.
import { sql, type Kysely } from 'kysely';
import type { NumberLease, LeaseKind } from '../../shared/station-api/numbering';
import { ssccSerialCapacity } from '../../shared/gs1/sscc';
import { S10_SERIAL_CAPACITY } from '../../shared/carriers/upu-s10';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';

export interface NumberingConfig {
  gs1CompanyPrefix: string;
  ssccExtensionDigit: number;
  trackingServiceIndicator: string;
  trackingCountryCode: string;
  leaseSize: number;
}

export async function leaseNumbers(
  db: Kysely<Database>,
  config: NumberingConfig,
  stationId: string,
  kind: LeaseKind,
): Promise<NumberLease> {
  const capacity =
    kind === 'sscc' ? ssccSerialCapacity(config.gs1CompanyPrefix) : S10_SERIAL_CAPACITY;
  return db.transaction().execute(async (trx) => {
    await sql`insert into number_ranges (kind, next_serial) values (${kind}, 1) on conflict (kind) do nothing`.execute(
      trx,
    );
    const { rows } = await sql<{ first: string }>`
      update number_ranges set next_serial = next_serial + ${config.leaseSize}
      where kind = ${kind} returning next_serial - ${config.leaseSize} as first`.execute(trx);
    const first = Number(rows[0]!.first);
    const last = first + config.leaseSize - 1;
    if (last >= capacity) {
      throw new ApiError(
        409,
        'numbers_exhausted',
        `The ${kind} number space is used up; configure a new prefix.`,
      );
    }
    await trx
      .insertInto('number_leases')
      .values({ station_id: stationId, kind, first_serial: first, last_serial: last })
      .execute();
    return kind === 'sscc'
      ? {
          kind,
          companyPrefix: config.gs1CompanyPrefix,
          extensionDigit: config.ssccExtensionDigit,
          next: first,
          end: last,
        }
      : {
          kind,
          prefix: config.trackingServiceIndicator,
          countryCode: config.trackingCountryCode,
          next: first,
          end: last,
        };
  });
}
