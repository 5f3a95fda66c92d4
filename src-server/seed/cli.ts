// `npm run seed`: migrates the configured database and seeds the demo into it when it is empty
// (or finishes a demo a stop interrupted); otherwise prints the demo keys (they are derived from
// DEMO_SEED, so they are known anyway).
import pino from 'pino';
import { loadServerConfig } from '../config';
import { openDatabase, pgliteDirFor } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { seedDemoPeople } from '../people/demo-people';
import { demoChannelCredentials } from './demo-channels';
import { renewalContextFor } from '../subscriptions/subscriptions-runtime';
import {
  isDemoDatabase,
  seedDemoActivity,
  seedDemoCatalogueIfEmpty,
  unfinishedDemoSeed,
} from './demo-seed';
import { seedDemoSubscriptions } from './demo-subscriptions';

const config = loadServerConfig();
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDir: pgliteDirFor(config.dataDir),
});
try {
  await migrateToLatest(database.db);
  const options = {
    seed: config.demoSeed,
    log,
    maxExtraKmForSingleWarehouse: config.maxExtraKmForSingleWarehouse,
    productCount: config.demoProducts,
    orderCount: config.demoOrders,
  };
  const seeded = await seedDemoCatalogueIfEmpty(database.db, options);
  await seedDemoPeople(database.db, config.demoSeed, log);
  if (await isDemoDatabase(database.db))
    await seedDemoSubscriptions(renewalContextFor(config, { db: database.db }), log);
  const unfinished = await unfinishedDemoSeed(database.db);
  if (unfinished) {
    await seedDemoActivity(database.db, { ...options, ...unfinished });
  } else if (!seeded) {
    log.info(
      { channels: demoChannelCredentials(config.demoSeed) },
      'database already has data; nothing seeded. Demo keys:',
    );
  }
} finally {
  await database.close();
}
