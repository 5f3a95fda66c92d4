// A second central OMS instance for crash tests, run as its own process (tsx): it opens the
// PostgreSQL database at DATABASE_URL and runs the renewal scheduler with the clock standing on
// RENEWAL_DAY, charging through the Mollie at MOLLIE_API_URL, until it is killed. It prints
// "ready" once its scheduler runs.
import { loadServerConfig } from '../../src-server/config';
import { openDatabase } from '../../src-server/db/connect';
import { ledgerRecurringProvider } from '../../src-server/payments/ledger-provider';
import { mollieRecurringProvider } from '../../src-server/payments/mollie-recurring';
import { startSubscriptionScheduler } from '../../src-server/subscriptions/subscriptions-runtime';

const env = process.env;
const day = env.RENEWAL_DAY ?? '';
if (
  !env.DATABASE_URL ||
  !env.MOLLIE_API_URL ||
  !env.MOLLIE_API_KEY ||
  !/^\d{4}-\d{2}-\d{2}$/.test(day)
)
  throw new Error('renewal-worker needs DATABASE_URL, MOLLIE_API_URL, MOLLIE_API_KEY, RENEWAL_DAY');

const config = loadServerConfig({ ...env, ADMIN_TOKEN: 'worker', SOURCING_MAX_EXTRA_KM: '100' });
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, maxConnections: 4 });
const now = new Date(`${day}T10:00:00Z`);
startSubscriptionScheduler(
  config,
  {
    db: database.db,
    clock: { now: () => new Date(now) },
    providers: {
      ledger: ledgerRecurringProvider,
      mollie: mollieRecurringProvider({ apiKey: env.MOLLIE_API_KEY, apiUrl: env.MOLLIE_API_URL }),
    },
  },
  { warn: (detail, message) => console.error(message, detail) },
);
console.log('ready');
