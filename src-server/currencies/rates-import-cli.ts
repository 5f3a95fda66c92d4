// `npm run rates:import -- <file>`: imports an ECB reference-rates file (XML or CSV) into the
// configured database, all or nothing, and prints what was imported.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadServerConfig } from '../config';
import { openDatabase, pgliteDirFor } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { parseEcbRates } from './ecb-rates';
import { importRates } from './exchange-rate-store';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run rates:import -- <eurofxref-daily.xml | eurofxref-hist.csv | …>');
  process.exit(2);
}
const config = loadServerConfig();
const parsed = parseEcbRates(readFileSync(file, 'utf8'));
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  pgliteDir: pgliteDirFor(config.dataDir),
});
try {
  await migrateToLatest(database.db);
  const summary = await importRates(database.db, parsed.rates, `ECB ${basename(file)}`);
  console.log(JSON.stringify({ ...summary, skippedCurrencies: parsed.skippedCurrencies }));
} finally {
  await database.close();
}
