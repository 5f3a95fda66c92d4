// Starts the central OMS: open the database (PostgreSQL or embedded PGlite), migrate, seed the
// demo catalogue into an empty database, then serve; the demo's orders and shipped history are
// written while the server already serves. SIGINT/SIGTERM finish in-flight requests first.
import { createApp } from './app';
import { loadServerConfig } from './config';
import { openDatabase, pgliteDirFor } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { startNotifications } from './notifications/notifications-runtime';
import type { NotificationsHandle } from './notifications/notifications-runtime';
import {
  isDemoDatabase,
  seedDemoActivity,
  seedDemoCatalogueIfEmpty,
  unfinishedDemoSeed,
} from './seed/demo-seed';
import { seedDemoSubscriptions } from './seed/demo-subscriptions';
import {
  renewalContextFor,
  startSubscriptionScheduler,
} from './subscriptions/subscriptions-runtime';
import type { SubscriptionScheduler } from './subscriptions/subscription-scheduler';

const config = loadServerConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDir: pgliteDirFor(config.dataDir),
  maxConnections: config.databasePoolSize,
});
const app = await createApp(config, { db: database.db, listen: database.listen });

let stopping = false;
let notifications: NotificationsHandle | undefined;
let scheduler: SubscriptionScheduler | undefined;
let demoActivity: Promise<void> | undefined;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  await demoActivity; // stops after the batch or shipment in hand
  await scheduler?.stop(); // finishes the renewal batch in hand
  // Deliveries in flight finish; claimed ones not started are handed back for the next start.
  await notifications?.stop();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

const applied = await migrateToLatest(database.db);
app.log.info({ backend: database.backend, applied }, 'database ready');
const seedOptions = {
  seed: config.demoSeed,
  log: app.log,
  maxExtraKmForSingleWarehouse: config.maxExtraKmForSingleWarehouse,
  productCount: config.demoProducts,
  orderCount: config.demoOrders,
};
if (config.seedDemo) await seedDemoCatalogueIfEmpty(database.db, seedOptions);
// A demo database (its catalogue seeded) gets its subscription plans and subscriptions, if missing.
if (config.seedDemo && (await isDemoDatabase(database.db)))
  await seedDemoSubscriptions(renewalContextFor(config, { db: database.db }), app.log);
if (config.notifications.enabled && !stopping) {
  notifications = await startNotifications(config.notifications, config.dataDir, {
    db: database.db,
    listen: database.listen,
    log: app.log,
    subscriptions: config.subscriptions,
  });
}
if (config.subscriptions.scheduler && !stopping) {
  scheduler = startSubscriptionScheduler(config, { db: database.db }, app.log);
}
await app.listen({ host: config.host, port: config.port });
// A fresh demo's orders and history, or the rest of a demo a stop interrupted, as it was begun.
const unfinishedDemo = config.seedDemo ? await unfinishedDemoSeed(database.db) : null;
if (unfinishedDemo !== null) {
  demoActivity = seedDemoActivity(database.db, {
    ...seedOptions,
    ...unfinishedDemo,
    shouldStop: () => stopping,
  }).catch((err: unknown) =>
    app.log.error({ err }, "the demo's orders and history could not be seeded"),
  );
}
