import { resolve } from 'node:path';
import { loadNotificationConfig } from './notifications/notification-config';
import type { NotificationConfig } from './notifications/notification-config';
import { loadPeopleConfig } from './people/people-config';
import type { PeopleConfig } from './people/people-config';
import { loadReturnsConfig } from './returns/returns-config';
import type { ReturnsConfig } from './returns/returns-config';
import { loadSubscriptionSettings } from './subscriptions/subscription-config';
import type { SubscriptionSettings } from './subscriptions/subscription-config';
import type { NumberingConfig } from './stations/number-ranges';
import { loadSellerConfig } from './b2b/invoices/seller-config';
import type { SellerConfig } from './b2b/invoices/seller-config';
import { loadCurrencySettings } from './currencies/currency-settings';
import type { CurrencySettings } from './currencies/currency-settings';
import { loadVatSettings } from './tax/vat-settings';
import type { VatSettings } from './tax/vat-settings';
import { loadViesSettings, type ViesSettings } from './tax/vies-settings';
import { loadWorkHoldConfig, type WorkHoldConfig } from './sync/work-hold-config';
import { IN_FLIGHT_BATCHES } from './orders/intake-queue';
import { loadTrackingConfig } from './tracking/tracking-config';
import type { TrackingConfig } from './tracking/tracking-config';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database under dataDir is used. */
  databaseUrl: string | undefined;
  /** A streaming replica that back-office searches and reports read from (PostgreSQL only). */
  databaseReadUrl: string | undefined;
  /** The replica serves reads only while at most this far behind (ms); else the primary does. */
  readReplicaMaxLagMs: number;
  /** A direct connection for LISTEN when DATABASE_URL goes through PgBouncer (transaction mode). */
  databaseListenUrl: string | undefined;
  /** Connections in the PostgreSQL pool (ignored for PGlite, which has one). */
  databasePoolSize: number;
  /** Intake batches (group commits) one instance runs at once. */
  intakeBatchesInFlight: number;
  /** Creates the first admin (POST /v1/people/bootstrap); see people.adminTokenScope. */
  adminToken: string;
  /** AES-256-GCM key sealing carrier credentials (32 bytes, base64 or hex); development derives one. */
  carrierSecretKey: string | undefined;
  /** Sessions, sign-in throttling, password reset and the admin token's reach. */
  people: PeopleConfig;
  /** The built back office served at `/`. */
  backofficeDir: string;
  /** Seed demo data when the database is empty at start-up. */
  seedDemo: boolean;
  /** Seed of the demo data's pseudo-random choices and demo API keys. */
  demoSeed: string;
  /** Size of the demo: products and orders (smaller demos start faster, e.g. in end-to-end tests). */
  demoProducts: number;
  demoOrders: number;
  /** How much farther (km) one warehouse may be than the nearest to ship a whole order alone. */
  maxExtraKmForSingleWarehouse: number;
  /** SSCC and own-carrier tracking numbers leased to stations. */
  numbering: NumberingConfig;
  /** Customer emails, webhooks, internal alerts and the outbox dispatcher. */
  notifications: NotificationConfig;
  /** Restocking fees, shipping refund rule and the payment provider for refunds. */
  returns: ReturnsConfig;
  /** Where goods leave from for VAT and the one-stop-shop threshold (VAT_* variables). */
  vat: VatSettings;
  /** The base currency reports sum in, and the exchange rates' age limit and source (BASE_CURRENCY, …). */
  currencies: CurrencySettings;
  /** The live VIES check of EU VAT numbers; off unless VIES_URL is set. */
  vies: ViesSettings;
  /** The seller's legal data on B2B invoices (SELLER_* variables). */
  seller: SellerConfig;
  /** Renewal scheduler, reserve-ahead, reminders, dunning and self-service links. */
  subscriptions: SubscriptionSettings;
  /** When work a station holds without progress goes back to the queue. */
  workHolds: WorkHoldConfig;
  /** Carrier tracking: webhook secrets and the polling of shipments not yet delivered. */
  tracking: TrackingConfig;
  /** UTC hour from which the nightly forecast run starts; null: no nightly run. */
  forecastNightlyHourUtc: number | null;
}

function numberFrom(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  check: (n: number) => boolean,
): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!check(value)) throw new Error(`${name} is not valid: "${raw}"`);
  return value;
}

function matching(env: NodeJS.ProcessEnv, name: string, fallback: string, pattern: RegExp): string {
  const value = env[name] || fallback;
  if (!pattern.test(value))
    throw new Error(`${name} is not valid: "${value}" (expected ${pattern})`);
  return value;
}

export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a TCP port number, got "${env.PORT}"`);
  }
  const host = env.HOST ?? '127.0.0.1';
  const adminToken = env.ADMIN_TOKEN ?? 'dev-admin-token';
  return {
    host,
    port,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    readReplicaMaxLagMs: numberFrom(
      env,
      'READ_REPLICA_MAX_LAG_MS',
      30_000,
      (n) => Number.isInteger(n) && n >= 0,
    ),
    databaseListenUrl: env.DATABASE_LISTEN_URL || undefined,
    databasePoolSize: numberFrom(
      env,
      'DATABASE_POOL_SIZE',
      20,
      (n) => Number.isInteger(n) && n >= 1 && n <= 500,
    ),
    intakeBatchesInFlight: numberFrom(
      env,
      'INTAKE_BATCHES_IN_FLIGHT',
      IN_FLIGHT_BATCHES,
      (n) => Number.isInteger(n) && n >= 1 && n <= 16,
    ),
    adminToken,
    carrierSecretKey: env.CARRIER_SECRET_KEY || undefined,
    people: loadPeopleConfig(env, `http://127.0.0.1:${port}`),
    backofficeDir: resolve(env.BACKOFFICE_DIR ?? 'dist/backoffice'),
    forecastNightlyHourUtc:
      env.FORECAST_NIGHTLY_HOUR_UTC === 'off'
        ? null
        : numberFrom(
            env,
            'FORECAST_NIGHTLY_HOUR_UTC',
            2,
            (n) => Number.isInteger(n) && n >= 0 && n <= 23,
          ),
    seedDemo: env.SEED_DEMO !== 'false',
    demoSeed: env.DEMO_SEED ?? 'packing-oms-demo',
    demoProducts: numberFrom(
      env,
      'DEMO_PRODUCTS',
      500,
      (n) => Number.isInteger(n) && n >= 1 && n <= 100_000,
    ),
    demoOrders: numberFrom(
      env,
      'DEMO_ORDERS',
      2000,
      (n) => Number.isInteger(n) && n >= 0 && n <= 1_000_000,
    ),
    maxExtraKmForSingleWarehouse: numberFrom(
      env,
      'SOURCING_MAX_EXTRA_KM',
      100,
      (n) => Number.isFinite(n) && n >= 0,
    ),
    numbering: {
      gs1CompanyPrefix: matching(env, 'GS1_COMPANY_PREFIX', '8712345', /^\d{7,10}$/),
      ssccExtensionDigit: numberFrom(
        env,
        'SSCC_EXTENSION_DIGIT',
        0,
        (n) => Number.isInteger(n) && n >= 0 && n <= 9,
      ),
      trackingServiceIndicator: matching(env, 'OWN_CARRIER_SERVICE_INDICATOR', 'CP', /^[A-Z]{2}$/),
      trackingCountryCode: matching(env, 'OWN_CARRIER_COUNTRY', 'NL', /^[A-Z]{2}$/),
      leaseSize: numberFrom(
        env,
        'NUMBER_LEASE_SIZE',
        500,
        (n) => Number.isInteger(n) && n >= 10 && n <= 100_000,
      ),
    },
    notifications: loadNotificationConfig(env),
    returns: loadReturnsConfig(env),
    vat: loadVatSettings(env),
    currencies: loadCurrencySettings(env),
    vies: loadViesSettings(env),
    seller: loadSellerConfig(env, loadVatSettings(env).originCountry),
    subscriptions: loadSubscriptionSettings(env, { host, port, adminToken }),
    workHolds: loadWorkHoldConfig(env),
    tracking: loadTrackingConfig(env),
  };
}
