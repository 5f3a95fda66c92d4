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
import * as orderMoney from './migrations/0720-order-money';
import * as rmaParcels from './migrations/0730-rma-parcels';
import * as outboxHeartbeat from './migrations/0760-outbox-heartbeat';
import * as workHolds from './migrations/0740-work-holds';
import * as orderListIndexes from './migrations/0770-order-list-indexes';
import * as reservationsArchive from './migrations/0771-reservations-archive';
import * as peopleAudit from './migrations/0800-people-audit';
import * as savedLocales from './migrations/0805-saved-locales';
import * as orderSearch from './migrations/0801-order-search';
import * as auditReasons from './migrations/0802-audit-reasons';
import * as dropDuplicateOrderIndex from './migrations/0803-drop-duplicate-order-index';
import * as orderLineCancellations from './migrations/0810-order-line-cancellations';
import * as orderEmailIndex from './migrations/0811-order-email-index';
import * as warehouseCalendar from './migrations/0840-warehouse-calendar';
import * as inventoryMovements from './migrations/0820-inventory-movements';
import * as carrierCredentials from './migrations/0780-carrier-credentials';
import * as shipmentTracking from './migrations/0790-shipment-tracking';
import * as b2b from './migrations/1100-b2b';
import * as b2bInvoices from './migrations/1101-b2b-invoices';
import * as quoteVatBasis from './migrations/1110-quote-vat-basis';
import * as quoteReminders from './migrations/1111-quote-reminders';
import * as shipToLocation from './migrations/0880-ship-to-location';
import * as b2bCreditNotes from './migrations/1120-b2b-credit-notes';
import * as b2bBankPayments from './migrations/1121-b2b-bank-payments';
import * as b2bOverdue from './migrations/1122-b2b-overdue';
import * as reporting from './migrations/0900-reporting';
import * as forecasts from './migrations/0901-forecasts';
import * as purchasing from './migrations/0902-purchasing';
import * as purchaseOrderList from './migrations/0910-purchase-order-list';
import * as vat from './migrations/0850-vat';
import * as vatRollup from './migrations/0860-vat-rollup';
import * as exchangeRates from './migrations/0870-exchange-rates';
import * as viesChecks from './migrations/0871-vies-checks';
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
  '0720-order-money': orderMoney,
  '0730-rma-parcels': rmaParcels,
  '0760-outbox-heartbeat': outboxHeartbeat,
  '0740-work-holds': workHolds,
  '0770-order-list-indexes': orderListIndexes,
  '0771-reservations-archive': reservationsArchive,
  '0800-people-audit': peopleAudit,
  '0801-order-search': orderSearch,
  '0802-audit-reasons': auditReasons,
  '0803-drop-duplicate-order-index': dropDuplicateOrderIndex,
  '0805-saved-locales': savedLocales,
  '0810-order-line-cancellations': orderLineCancellations,
  '0811-order-email-index': orderEmailIndex,
  '0840-warehouse-calendar': warehouseCalendar,
  '0820-inventory-movements': inventoryMovements,
  '0780-carrier-credentials': carrierCredentials,
  '0790-shipment-tracking': shipmentTracking,
  '1100-b2b': b2b,
  '1101-b2b-invoices': b2bInvoices,
  '1110-quote-vat-basis': quoteVatBasis,
  '1111-quote-reminders': quoteReminders,
  '1120-b2b-credit-notes': b2bCreditNotes,
  '1121-b2b-bank-payments': b2bBankPayments,
  '1122-b2b-overdue': b2bOverdue,
  '0900-reporting': reporting,
  '0901-forecasts': forecasts,
  '0902-purchasing': purchasing,
  '0910-purchase-order-list': purchaseOrderList,
  '0850-vat': vat,
  '0860-vat-rollup': vatRollup,
  '0870-exchange-rates': exchangeRates,
  '0880-ship-to-location': shipToLocation,
  '0871-vies-checks': viesChecks,
  '1000-subscriptions': subscriptions,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema to the latest version; throws (with the failing migration's name) on error. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return migrate(db, (migrator) => migrator.migrateToLatest());
}

/** Brings the schema to the version of migration `name` (tests of a migration over older data). */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<string[]> {
  if (!(name in MIGRATIONS)) throw new Error(`no migration named ${name}`);
  return migrate(db, (migrator) => migrator.migrateTo(name));
}

async function migrate(
  db: Kysely<Database>,
  run: (migrator: Migrator) => ReturnType<Migrator['migrateToLatest']>,
): Promise<string[]> {
  // Areas are built in parallel, each with its own number range: a database that already ran a
  // later-numbered migration still runs an earlier-numbered one it has not seen (each migration
  // depends only on lower numbers of its own area and on what was released before it).
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await run(migrator);
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
