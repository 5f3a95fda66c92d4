// Runs the migrations in order with Kysely's Migrator. The list is static (imported modules), so
// it works the same from TypeScript sources and from a bundled build.
import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as catalog from './migrations/0001-catalog';
import * as orders from './migrations/0002-orders';
import * as stationsSync from './migrations/0100-stations-sync';
import * as notifications from './migrations/0200-notifications';
import * as returns from './migrations/0300-returns';
import * as productTracing from './migrations/0400-product-tracing';
import * as reservationsByFulfillment from './migrations/0500-reservations-by-fulfillment';
import * as demoSeed from './migrations/0600-demo-seed';
import * as syncOwnership from './migrations/0700-sync-ownership';
import * as subscriptions from './migrations/1000-subscriptions';
import type { Database } from './schema';

const MIGRATIONS: Record<string, Migration> = {
  '0001-catalog': catalog,
  '0002-orders': orders,
  '0100-stations-sync': stationsSync,
  '0200-notifications': notifications,
  '0300-returns': returns,
  '0400-product-tracing': productTracing,
  '0500-reservations-by-fulfillment': reservationsByFulfillment,
  '0600-demo-seed': demoSeed,
  '0700-sync-ownership': syncOwnership,
  '1000-subscriptions': subscriptions,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema to the latest version; throws (with the failing migration's name) on error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const where = failed ? ` in migration ${failed.migrationName}` : '';
    throw new Error(
      `database migration failed${where}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
