// Starts a throwaway PostgreSQL 15 cluster on a temp dir and a free port, the real server the
// integration tests run against besides PGlite. Used by vitest's global setup and the benchmarks;
// the resilience tests start their own and restart or stop it under load (same port, same data).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
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
  port: number;
  /** Stops the server and deletes the cluster. */
  stop(): void;
  /** `pg_ctl restart` on the same port and data (resilience tests); resolves when it accepts again. */
  restartServer(mode?: ShutdownMode): Promise<void>;
  /** Stops the server but keeps the cluster, until startServer() (a database outage). */
  stopServer(mode?: ShutdownMode): Promise<void>;
  startServer(): Promise<void>;
}

/** pg_ctl's shutdown modes: `fast` ends sessions at once, `immediate` is a crash. */
export type ShutdownMode = 'smart' | 'fast' | 'immediate';

export function findPgBin(): string {
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

/** A PostgreSQL server program's command line, as the `postgres` user when we are root. */
export function pgCommand(bin: string, cmd: string, args: string[]): [string, string[]] {
  const full = join(bin, cmd);
  return process.getuid?.() === 0
    ? ['runuser', ['-u', 'postgres', '--', full, ...args]]
    : [full, args];
}

function runPg(bin: string, cmd: string, args: string[]): void {
  const result = spawnSync(...pgCommand(bin, cmd, args), { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
}

/** The same without blocking the event loop, so a test's load keeps running meanwhile. */
function runPgAsync(bin: string, cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(...pgCommand(bin, cmd, args), { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed: ${output}`)),
    );
  });
}

export interface ClusterOptions {
  /** Extra server settings, e.g. `{ shared_preload_libraries: 'pg_stat_statements' }` (benchmarks). */
  settings?: Readonly<Record<string, string>>;
}

export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const bin = findPgBin();
  const dir = mkdtempSync(join(tmpdir(), 'oms-pg-'));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const run = (cmd: string, args: string[]) => runPg(bin, cmd, args);
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
  const startArgs = [
    '-D',
    dataDir,
    '-w',
    '-l',
    join(dir, 'log'),
    'start',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 -c synchronous_commit=off -c full_page_writes=off${Object.entries(
      options.settings ?? {},
    )
      .map(([name, value]) => ` -c ${name}=${value}`)
      .join('')}`,
  ];
  run('pg_ctl', startArgs);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restartServer: (mode = 'fast') =>
      runPgAsync(bin, 'pg_ctl', ['-D', dataDir, '-w', '-m', mode, 'restart']),
    stopServer: (mode = 'fast') =>
      runPgAsync(bin, 'pg_ctl', ['-D', dataDir, '-w', '-m', mode, 'stop']),
    startServer: () => runPgAsync(bin, 'pg_ctl', startArgs),
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
