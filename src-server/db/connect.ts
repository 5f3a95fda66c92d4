// Opens the database: PostgreSQL through `pg` when a URL is given, otherwise the embedded PGlite,
// file-backed under the data directory (or in memory for tests). Both read `date` and `int8`
// columns as strings so every query returns the same shapes on either backend.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PgliteDialect } from './pglite-dialect';
import type { Database } from './schema';

const DATE_OID = 1082;
const INT8_OID = 20;
const keepText = (value: string) => value;

export type DatabaseBackend = 'postgres' | 'pglite';

/** LISTEN on a channel; resolves to a function that stops listening. */
export type Listen = (
  channel: string,
  onPayload: (payload: string) => void,
) => Promise<() => Promise<void>>;

export interface DatabaseHandle {
  db: Kysely<Database>;
  backend: DatabaseBackend;
  /** Notifications from any session (every API instance), for live updates across instances. */
  listen: Listen;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent PGlite is used. */
  databaseUrl?: string | undefined;
  /** Directory for PGlite's files; `undefined` with no URL means an in-memory database. */
  pgliteDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 20,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === DATE_OID || oid === INT8_OID
            ? keepText
            : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const listeners = new Set<pg.Client>();
    return {
      db,
      backend: 'postgres',
      listen: (channel, onPayload) =>
        listenOnPostgres(options.databaseUrl!, channel, onPayload, listeners),
      close: async () => {
        await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
        await db.destroy();
      },
    };
  }
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  const pglite = await PGlite.create(options.pgliteDir, {
    parsers: { [DATE_OID]: keepText, [INT8_OID]: keepText },
  });
  const db = new Kysely<Database>({ dialect: new PgliteDialect(pglite) });
  return {
    db,
    backend: 'pglite',
    listen: async (channel, onPayload) => {
      const unlisten = await pglite.listen(channel, onPayload);
      return async () => unlisten();
    },
    close: () => db.destroy(),
  };
}

/**
 * A dedicated connection that LISTENs (a pooled one would be handed to other queries). It
 * reconnects after a drop; stations resync on their own, so a notice lost meanwhile is pulled.
 */
async function listenOnPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  clients: Set<pg.Client>,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onPayload(n.payload);
    });
    next.on('error', () => {
      clients.delete(next);
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000).unref();
    });
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
    clients.add(next);
  };
  await connect();
  return async () => {
    stopped = true;
    if (client) {
      clients.delete(client);
      await client.end().catch(() => undefined);
    }
  };
}

/** Where the embedded database lives inside the server's data directory. */
export function pgliteDirFor(dataDir: string): string {
  return join(dataDir, 'pglite');
}
