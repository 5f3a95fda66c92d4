// The station's local database: RxDB on Dexie (IndexedDB), owned by the renderer. One database per
// enrolled station, so a station moved to another warehouse starts clean.
import type { RxCollection, RxConflictHandler, RxDatabase } from 'rxdb';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { resolveConflict, sameDocument } from '../../shared/sync/conflicts';
import type { SyncCollection, SyncDocOf } from '../../shared/sync/documents';
import { SYNC_COLLECTIONS, SYNC_DOCUMENTS } from '../../shared/sync/documents';
import { rxSchemaFromZod } from './rx-schema';
import { MIGRATION_STRATEGIES, SCHEMA_VERSIONS } from './schema-migrations';
import { PRINT_JOB_COLLECTIONS, type PrintJobCollections } from '../printing/print-job';

export type StationCollections = {
  [C in SyncCollection]: RxCollection<SyncDocOf<C>>;
} & PrintJobCollections;
export type StationDatabase = RxDatabase<StationCollections>;

const INDEXES: Record<SyncCollection, (string | string[])[]> = {
  fulfillments: ['status', 'updatedAt'],
  products: [],
  bins: ['walkSequence'],
  operators: ['badge'],
  work: ['updatedAt'],
  shipments: ['fulfillmentId', 'updatedAt', 'status'],
  rmas: ['code', 'orderNumber', 'updatedAt'],
  returns: ['receivedAt', 'updatedAt', 'status'],
};

/**
 * The schema of every synced collection. A station keeps its database across app updates, and
 * RxDB refuses to open a collection whose schema changed under the same version: a change here
 * needs a version bump and a migration strategy (schema-migrations.ts; db/schema-versions.test.ts
 * keeps watch).
 */
export const STATION_SCHEMAS = Object.fromEntries(
  SYNC_COLLECTIONS.map((name) => [
    name,
    rxSchemaFromZod(SYNC_DOCUMENTS[name], {
      version: SCHEMA_VERSIONS[name],
      indexes: INDEXES[name],
    }),
  ]),
) as Record<SyncCollection, ReturnType<typeof rxSchemaFromZod>>;

function conflictHandler(collection: SyncCollection): RxConflictHandler<Record<string, unknown>> {
  return {
    // Whole documents, including the server's stamp: a local write resets updatedAt to 0, so
    // an edit is never mistaken for the master it came from.
    isEqual: (a, b) => sameDocument(a, b) && a.updatedAt === b.updatedAt,
    resolve: async (input) =>
      resolveConflict(collection, input.realMasterState, input.newDocumentState),
  };
}

// Local documents hold the central feeds' checkpoints, next to the documents they describe.
addRxPlugin(RxDBLocalDocumentsPlugin);
// Stored documents of an older schema version are migrated when their collection opens.
addRxPlugin(RxDBMigrationSchemaPlugin);

export async function openStationDatabase(stationId: string): Promise<StationDatabase> {
  const db = await createRxDatabase<StationCollections>({
    name: `station-${stationId.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
    storage: getRxStorageDexie(),
    multiInstance: false,
    localDocuments: true,
    eventReduce: true,
    closeDuplicates: true,
  });
  const collections = Object.fromEntries(
    SYNC_COLLECTIONS.map((name) => [
      name,
      {
        schema: STATION_SCHEMAS[name],
        conflictHandler: conflictHandler(name),
        ...(MIGRATION_STRATEGIES[name] ? { migrationStrategies: MIGRATION_STRATEGIES[name] } : {}),
      },
    ]),
  );
  await db.addCollections({ ...collections, ...PRINT_JOB_COLLECTIONS } as never);
  return db;
}
