// Areas are built in parallel with their own number ranges, so a station site's database may have
// run a later-numbered migration before an earlier-numbered one was released. It must still run
// the earlier one, on PGlite and PostgreSQL, instead of refusing to start.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type DatabaseBackend } from '../../src-server/db/connect';
import { migrateToLatest } from '../../src-server/db/migrate';
import * as orderMoney from '../../src-server/db/migrations/0720-order-money';
import { BACKENDS } from '../support/server-harness';
import { createDatabase } from '../setup/postgres-cluster';

async function openBlank(backend: DatabaseBackend) {
  const databaseUrl =
    backend === 'postgres'
      ? createDatabase(inject('postgresUrl'), `oms_morder_${randomBytes(4).toString('hex')}`)
      : undefined;
  return openDatabase({ databaseUrl });
}

describe.each(BACKENDS)('a migration released after later-numbered ones on %s', (backend) => {
  let handle: Awaited<ReturnType<typeof openBlank>> | undefined;
  afterAll(async () => handle?.close());

  it('runs when the service starts, and only that one', async () => {
    handle = await openBlank(backend);
    const db = handle.db;
    await migrateToLatest(db);
    // The database as it was before 0720 existed: 0730 and later ran, 0720 did not.
    await orderMoney.down(db as never);
    await sql`delete from kysely_migration where name = '0720-order-money'`.execute(db);

    expect(await migrateToLatest(db)).toEqual(['0720-order-money']);
    const { rows } = await sql<{
      column_name: string;
    }>`select column_name from information_schema.columns
      where table_name = 'orders' and column_name = 'tax_minor'`.execute(db);
    expect(rows).toHaveLength(1);
    expect(await migrateToLatest(db)).toEqual([]);
    // Every migration runs twice on a blank database: slow on PGlite when the machine is busy.
  }, 120_000);
});
