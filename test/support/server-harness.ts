// Builds the central OMS app on either backend for integration tests: PGlite in memory, or a
// fresh database in the throwaway PostgreSQL 15 cluster from vitest's global setup.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import type { Mailer } from '../../src-server/notifications/email/mailer';
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

/** A stand-in for the built back office (dist/backoffice): a page and one hashed asset. */
export function testBackofficeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'oms-backoffice-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><title>Back office</title><script type="module" src="/assets/app-1234.js"></script></html>',
  );
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log("back office");');
  return dir;
}

export async function startTestServer(
  backend: DatabaseBackend,
  label: string,
  options: { poolSize?: number; env?: NodeJS.ProcessEnv; mailer?: Mailer } = {},
): Promise<TestServer> {
  const handle = await openTestDatabase(backend, label, options.poolSize);
  const config = {
    // The admin token opens the system routes in tests (ADMIN_TOKEN_SCOPE=system), as in automation.
    ...loadServerConfig({
      ADMIN_TOKEN,
      ADMIN_TOKEN_SCOPE: 'system',
      SOURCING_MAX_EXTRA_KM: '100',
      BACKOFFICE_DIR: testBackofficeDir(),
      ...options.env,
    }),
    databaseUrl: undefined,
  };
  const app = await createApp(config, {
    db: handle.db,
    listen: handle.listen,
    logger: false,
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
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
