// Packers: a badge and a PIN per person, per warehouse. The PIN is stored only as a PBKDF2 hash,
// which the warehouse's stations receive so sign-in works offline.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPin, newPinSalt } from '../../shared/operators/pin-hash';
import type { Locale } from '../../shared/people/roles';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { publishOperators } from '../sync/projections';

export interface NewOperator {
  warehouseCode: string;
  badge: string;
  name: string;
  pin: string;
  locale: Locale;
}

export async function createOperator(
  db: Kysely<Database>,
  input: NewOperator,
): Promise<{ id: string }> {
  const salt = newPinSalt();
  const pinHash = await hashPin(input.pin, salt);
  return db.transaction().execute(async (trx) => {
    const warehouse = await trx
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
    const taken = await trx
      .selectFrom('operators')
      .select('id')
      .where('badge', '=', input.badge)
      .executeTakeFirst();
    if (taken)
      throw new ApiError(
        409,
        'badge_taken',
        `Badge ${input.badge} already belongs to another operator.`,
        'badge',
      );
    const id = randomUUID();
    await trx
      .insertInto('operators')
      .values({
        id,
        warehouse_code: warehouse.code,
        badge: input.badge,
        name: input.name,
        pin_hash: pinHash,
        pin_salt: salt,
        locale: input.locale,
      })
      .execute();
    await publishOperators(trx, [id]);
    return { id };
  });
}
