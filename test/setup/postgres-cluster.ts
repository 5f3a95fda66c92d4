// Starts a throwaway PostgreSQL 15 cluster on a temp dir and a free port, the real server the
// integration tests run against besides PGlite. Used by vitest's global setup and the benchmarks.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_BIN_DIRS = [
  '/usr/lib/postgresql/15/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/17/bin',
];

export interface PostgresCluster {
  url: string;
  stop(): void;
}

function findPgBin(): string {
  const fromEnv = process.env.PG_BIN;
  const dir = [fromEnv, ...PG_BIN_DIRS].find((d) => d && existsSync(join(d, 'pg_ctl')));
  if (!dir) {
    throw new Error(
      'PostgreSQL server binaries not found (apt-get install -y postgresql, or set PG_BIN)',
    );
  }
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPgBin();
  const dir = mkdtempSync(join(tmpdir(), 'oms-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = join(bin, cmd);
    const result = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
    }
  };
  run('initdb', [
    '-D',
    dataDir,
    '--auth=trust',
    '--no-sync',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-w',
    '-l',
    join(dir, 'log'),
    'start',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c synchronous_commit=off -c full_page_writes=off`,
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Creates a fresh database in the cluster and returns its URL (each test file gets its own). */
export function createDatabase(clusterUrl: string, name: string): string {
  execFileSync('psql', [
    clusterUrl,
    '-q',
    '-c',
    `DROP DATABASE IF EXISTS "${name}"`,
    '-c',
    `CREATE DATABASE "${name}"`,
  ]);
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
