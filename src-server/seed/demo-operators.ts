// Demo packers: two per warehouse, badge `<WAREHOUSE>-<n>` and PIN 1234 (development only), one
// Dutch-speaking and one English-speaking, so both languages show up at the station.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { hashPin, newPinSalt } from '../../shared/operators/pin-hash';
import type { Database } from '../db/schema';
import { DEMO_WAREHOUSES } from './demo-catalog';

export const DEMO_OPERATOR_PIN = '1234';

const NAMES = [
  { name: 'Sanne Jansen', locale: 'nl' },
  { name: 'Tom Peeters', locale: 'en' },
] as const;

export async function insertDemoOperators(
  trx: Transaction<Database>,
): Promise<{ badge: string; name: string; warehouseCode: string }[]> {
  const rows = await Promise.all(
    DEMO_WAREHOUSES.flatMap((w) =>
      NAMES.map(async (person, i) => {
        const salt = newPinSalt();
        return {
          id: randomUUID(),
          warehouse_code: w.code,
          badge: `${w.code}-${i + 1}`,
          name: person.name,
          pin_hash: await hashPin(DEMO_OPERATOR_PIN, salt),
          pin_salt: salt,
          locale: person.locale,
        };
      }),
    ),
  );
  await trx.insertInto('operators').values(rows).execute();
  return rows.map((r) => ({ badge: r.badge, name: r.name, warehouseCode: r.warehouse_code }));
}
