// A warehouse named in a route's path: the row, or a 404 that names the code.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { notFound } from '../http/api-error';

export async function warehouseOrThrow(
  db: Kysely<Database>,
  code: string,
): Promise<{ code: string; country: string }> {
  const warehouse = await db
    .selectFrom('warehouses')
    .select(['code', 'country'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!warehouse) throw notFound(`Warehouse ${code}`);
  return warehouse;
}
