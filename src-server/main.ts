// Starts the central OMS: open the database (PostgreSQL or embedded PGlite), migrate, seed the
// demo catalogue into an empty database, then serve; the demo's orders and shipped history are
// written while the server already serves. SIGINT/SIGTERM finish in-flight requests first.
// A database outage (restart, failover) is ridden through: requests get 503 meanwhile, the pool
// and the LISTEN connection reconnect, background work resumes; the process does not exit.
import { pino } from 'pino';
import { createApp } from './app';
import { loadServerConfig } from './config';
import { openDatabase, pgliteDirFor } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { startForecastSchedule, type ForecastSchedule } from './forecasting/forecast-schedule';
import { replicaReads } from './db/read-replica';
import { rideThroughOutages, waitForDatabase } from './db/ride-through';
import { isDatabaseUnavailable } from './db/unavailable';
import { startNotifications } from './notifications/notifications-runtime';
import { seedDemoPeople } from './people/demo-people';
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
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });

// Last line of defence: a lost connection whose error nobody handled must not end the process
// (the pool and the listener handle theirs); any other unhandled failure still does.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    if (isDatabaseUnavailable(error)) return log.warn({ err: error }, `${event}: database lost`);
    log.fatal({ err: error }, event);
    process.exit(1);
  });
}

const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDir: pgliteDirFor(config.dataDir),
  maxConnections: config.databasePoolSize,
  readUrl: config.databaseReadUrl,
  listenUrl: config.databaseListenUrl,
  log,
});
const app = await createApp(config, {
  db: database.db,
  listen: database.listen,
  loggerInstance: log,
  backOfficeReads: database.reads
    ? replicaReads(database.db, database.reads, {
        maxLagMs: config.readReplicaMaxLagMs,
        warn: (detail, message) => log.warn(detail, message),
      })
    : undefined,
});

let stopping = false;
let notifications: NotificationsHandle | undefined;
let scheduler: SubscriptionScheduler | undefined;
let demoActivity: Promise<void> | undefined;
let forecasts: ForecastSchedule | undefined;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  await demoActivity; // stops after the batch or shipment in hand
  await forecasts?.stop();
  await scheduler?.stop(); // finishes the renewal batch in hand
  // Deliveries in flight finish; claimed ones not started are handed back for the next start.
  await notifications?.stop();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

const rideThrough = { log, shouldStop: () => stopping };
// A database still starting (or restarting) is waited for rather than given up on.
await waitForDatabase(database.db, rideThrough);
const applied = await rideThroughOutages(
  'migration',
  database.db,
  () => migrateToLatest(database.db),
  rideThrough,
);
app.log.info({ backend: database.backend, applied }, 'database ready');
const seedOptions = {
  seed: config.demoSeed,
  log: app.log,
  maxExtraKmForSingleWarehouse: config.maxExtraKmForSingleWarehouse,
  productCount: config.demoProducts,
  orderCount: config.demoOrders,
};
if (config.seedDemo) {
  await rideThroughOutages(
    'demo catalogue',
    database.db,
    () => seedDemoCatalogueIfEmpty(database.db, seedOptions),
    rideThrough,
  );
  await rideThroughOutages(
    'demo people',
    database.db,
    () => seedDemoPeople(database.db, config.demoSeed, app.log),
    rideThrough,
  );
  // A demo database (its catalogue seeded) gets its subscription plans and subscriptions, if missing.
  await rideThroughOutages(
    'demo subscriptions',
    database.db,
    async () => {
      if (await isDemoDatabase(database.db))
        await seedDemoSubscriptions(renewalContextFor(config, { db: database.db }), app.log);
    },
    rideThrough,
  );
}
if (config.notifications.enabled && !stopping) {
  notifications = await startNotifications(config.notifications, config.dataDir, {
    db: database.db,
    listen: database.listen,
    log: app.log,
    subscriptions: config.subscriptions,
    b2b: { links: config.subscriptions.links, seller: config.seller },
  });
}
if (config.subscriptions.scheduler && !stopping) {
  scheduler = startSubscriptionScheduler(config, { db: database.db }, app.log);
}
await app.listen({ host: config.host, port: config.port });
if (config.forecastNightlyHourUtc !== null && !stopping) {
  forecasts = startForecastSchedule(database.db, config.forecastNightlyHourUtc, (msg, err) =>
    app.log.error({ err }, msg),
  );
}
// A fresh demo's orders and history, or the rest of a demo a stop (or an outage) interrupted.
if (config.seedDemo) {
  demoActivity = rideThroughOutages(
    'demo orders and history',
    database.db,
    async () => {
      const unfinished = await unfinishedDemoSeed(database.db);
      if (unfinished === null) return;
      await seedDemoActivity(database.db, {
        ...seedOptions,
        ...unfinished,
        shouldStop: () => stopping,
      });
    },
    rideThrough,
  )
    .then(() => undefined)
    .catch((err: unknown) =>
      app.log.error({ err }, "the demo's orders and history could not be seeded"),
    );
}
