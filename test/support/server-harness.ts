// Builds the central OMS app on either backend for integration tests: PGlite in memory, or a
// fresh database in the throwaway PostgreSQL 15 cluster from vitest's global setup.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { createApp } from '../../src-server/app';
import { loadServerConfig } from '../../src-server/config';
import type { ServerConfig } from '../../src-server/config';
import { openDatabase } from '../../src-server/db/connect';
import type { DatabaseBackend } from '../../src-server/db/connect';
import { migrateToLatest } from '../../src-server/db/migrate';
import type { Database } from '../../src-server/db/schema';
import { createDatabase } from '../setup/postgres-cluster';

export const BACKENDS: readonly DatabaseBackend[] = ['pglite', 'postgres'];
export const ADMIN_TOKEN = 'test-admin-token';

export interface TestServer {
  app: FastifyInstance;
  db: Kysely<Database>;
  config: ServerConfig;
  /** The PostgreSQL database's URL (undefined on PGlite), e.g. to start a second instance on it. */
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

export async function openTestDatabase(backend: DatabaseBackend, label: string, poolSize = 10) {
  const databaseUrl =
    backend === 'postgres'
      ? createDatabase(
          inject('postgresUrl'),
          `oms_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`,
        )
      : undefined;
  const handle = await openDatabase({ databaseUrl, maxConnections: poolSize });
  await migrateToLatest(handle.db);
  return { ...handle, databaseUrl };
}

export async function startTestServer(
  backend: DatabaseBackend,
  label: string,
  options: { poolSize?: number } = {},
): Promise<TestServer> {
  const handle = await openTestDatabase(backend, label, options.poolSize);
  const config = {
    ...loadServerConfig({ ADMIN_TOKEN, SOURCING_MAX_EXTRA_KM: '100' }),
    databaseUrl: undefined,
  };
  const app = await createApp(config, { db: handle.db, listen: handle.listen, logger: false });
  await app.ready();
  return {
    app,
    db: handle.db,
    config,
    databaseUrl: handle.databaseUrl,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}
