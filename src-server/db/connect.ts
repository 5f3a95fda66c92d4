// Opens the database: PostgreSQL through `pg` when a URL is given, otherwise the embedded PGlite,
// file-backed under the data directory (or in memory for tests). Both read `date` and `int8`
// columns as strings so every query returns the same shapes on either backend.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type { CompiledQuery, KyselyConfig } from 'kysely';
import pg from 'pg';
import { PostgresNotificationListener } from './notification-listener';
import { PgliteDialect } from './pglite-dialect';
import type { Database } from './schema';

const DATE_OID = 1082;
const INT8_OID = 20;
const keepText = (value: string) => value;

export type DatabaseBackend = 'postgres' | 'pglite';

/**
 * LISTEN on a channel; resolves to a function that stops listening. `onResume` is called after
 * the connection was lost and is back (PostgreSQL only): notices sent meanwhile were missed.
 */
export type Listen = (
  channel: string,
  onPayload: (payload: string) => void,
  onResume?: () => void,
) => Promise<() => Promise<void>>;

export interface DatabaseLog {
  info(detail: object, message: string): void;
  warn(detail: object, message: string): void;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  backend: DatabaseBackend;
  /** A streaming replica for back-office reads (`readUrl`), when one is configured. */
  reads?: Kysely<Database> | undefined;
  /** Notifications from any session (every API instance), for live updates across instances. */
  listen: Listen;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent PGlite is used. */
  databaseUrl?: string | undefined;
  /** Directory for PGlite's files; `undefined` with no URL means an in-memory database. */
  pgliteDir?: string | undefined;
  /** Pool size for PostgreSQL (the replica's pool gets as many). */
  maxConnections?: number;
  /** A streaming replica back-office searches and reports may read from. */
  readUrl?: string | undefined;
  /** A direct connection for LISTEN when `databaseUrl` goes through PgBouncer in transaction mode. */
  listenUrl?: string | undefined;
  /** Where lost connections and reconnects are reported. */
  log?: DatabaseLog | undefined;
  /** Sees every statement run (tests that check the API's query plans). */
  onQuery?: ((query: CompiledQuery) => void) | undefined;
}

/** How this process's sessions show in `pg_stat_activity.application_name`. */
export const APPLICATION_NAME = 'central-oms';
export const listenApplicationName = (pid = process.pid) => `${APPLICATION_NAME} listen ${pid}`;

/** A request waits at most this long for a connection before it is answered 503. */
const CONNECT_TIMEOUT_MS = 5000;

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  const pglite = await PGlite.create(options.pgliteDir, {
    parsers: { [DATE_OID]: keepText, [INT8_OID]: keepText },
  });
  const db = new Kysely<Database>({ dialect: new PgliteDialect(pglite), ...queryLog(options) });
  return {
    db,
    backend: 'pglite',
    // In-process: there is no connection to lose, so no resume.
    listen: async (channel, onPayload) => {
      const unlisten = await pglite.listen(channel, onPayload);
      return async () => unlisten();
    },
    close: () => db.destroy(),
  };
}

const connectionTo = (url: string) => ({
  connectionString: url,
  connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
});

function openPool(url: string, max: number, options: OpenDatabaseOptions): Kysely<Database> {
  const pool = new pg.Pool({
    ...connectionTo(url),
    application_name: APPLICATION_NAME,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID || oid === INT8_OID
          ? keepText
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection that dies (restart, failover) is reported here and dropped by the pool;
  // without a listener the 'error' event would end the process.
  pool.on('error', (error) =>
    options.log?.warn({ err: error }, 'an idle database connection was lost'),
  );
  // A connection lost while lent out fails its query (the caller sees that, a 503 for a request)
  // and is dropped when it is returned; its 'error' event must not end the process either.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...queryLog(options) });
}

function openPostgres(url: string, options: OpenDatabaseOptions): DatabaseHandle {
  const max = options.maxConnections ?? 20;
  const db = openPool(url, max, options);
  const reads = options.readUrl ? openPool(options.readUrl, max, options) : undefined;
  let listener: PostgresNotificationListener | undefined;
  return {
    db,
    reads,
    backend: 'postgres',
    listen: (channel, onPayload, onResume) => {
      // LISTEN needs a session of its own: behind PgBouncer in transaction mode it goes direct.
      listener ??= new PostgresNotificationListener(
        {
          ...connectionTo(options.listenUrl ?? url),
          application_name: listenApplicationName(),
          query_timeout: 5000,
        },
        { log: options.log },
      );
      return listener.subscribe(channel, onPayload, onResume);
    },
    close: async () => {
      await listener?.close();
      await reads?.destroy();
      await db.destroy();
    },
  };
}

function queryLog({ onQuery }: OpenDatabaseOptions): Pick<KyselyConfig, 'log'> {
  if (!onQuery) return {};
  return {
    log: (event) => {
      if (event.level === 'query') onQuery(event.query);
    },
  };
}

/** Where the embedded database lives inside the server's data directory. */
export function pgliteDirFor(dataDir: string): string {
  return join(dataDir, 'pglite');
}
