// The baseline of the sync benchmark, run in the browser: a plain RxDB bulkInsert of the same
// documents into the same kind of collection (Dexie on IndexedDB, the station's schema).
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { FulfillmentDoc } from '../../shared/sync/documents';
import { rxSchemaFromZod } from '../../src-renderer/db/rx-schema';

declare global {
  interface Window {
    bulkInsertBaseline(docs: unknown[]): Promise<number>;
  }
}

window.bulkInsertBaseline = async (docs) => {
  const db = await createRxDatabase({
    name: `baseline${Date.now()}`,
    storage: getRxStorageDexie(),
    multiInstance: false,
  });
  await db.addCollections({
    fulfillments: {
      schema: rxSchemaFromZod(FulfillmentDoc, { version: 0, indexes: ['status', 'updatedAt'] }),
    },
  });
  const started = performance.now();
  await db.fulfillments!.bulkInsert(docs as never[]);
  const ms = performance.now() - started;
  await db.remove();
  return ms;
};
