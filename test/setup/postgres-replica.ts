// A streaming replica of a throwaway cluster (pg_basebackup -R, hot standby on its own port), and
// PgBouncer in transaction mode in front of a cluster: the production topology of
// docs/deployment.md, for the tests of reading from a replica and of running behind PgBouncer.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { PostgresCluster } from './postgres-cluster';
import { findPgBin, freePort, pgCommand } from './postgres-cluster';

function run(command: [string, string[]]): void {
  const result = spawnSync(...command, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command[1].join(' ')}: ${result.stderr}`);
}

export interface StreamingReplica {
  port: number;
  /** The same database on the replica. */
  urlFor(primaryUrl: string): string;
  /** Stops the standby (it may be started again). */
  stopServer(): void;
  /** Stops and deletes it. */
  stop(): void;
}

export async function startStreamingReplica(primary: PostgresCluster): Promise<StreamingReplica> {
  const bin = findPgBin();
  const dir = mkdtempSync(join(tmpdir(), 'oms-replica-'));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  run(
    pgCommand(bin, 'pg_basebackup', [
      ...['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'],
      // A fast checkpoint: the default spread one makes pg_basebackup wait minutes.
      ...['-D', dataDir, '-R', '-X', 'stream', '--no-sync', '--checkpoint=fast'],
    ]),
  );
  const pgCtl = (args: string[]) => run(pgCommand(bin, 'pg_ctl', ['-D', dataDir, ...args]));
  pgCtl([
    ...['-w', '-l', join(dir, 'log'), 'start', '-o'],
    // A hot standby needs at least the primary's max_connections.
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby=on -c max_connections=200`,
  ]);
  let running = true;
  const stopServer = () => {
    if (running) pgCtl(['-w', '-m', 'immediate', 'stop']);
    running = false;
  };
  return {
    port,
    urlFor(primaryUrl) {
      const url = new URL(primaryUrl);
      url.port = String(port);
      return url.toString();
    },
    stopServer,
    stop() {
      try {
        stopServer();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export interface PgBouncer {
  port: number;
  /** The same database through PgBouncer. */
  urlFor(directUrl: string): string;
  /** Transactions PgBouncer has passed to `database` (from its admin console). */
  transactions(database: string): Promise<number>;
  stop(): Promise<void>;
}

/** Debian's pgbouncer in transaction pooling mode in front of the cluster at `port`. */
export async function startPgBouncer(postgresPort: number): Promise<PgBouncer> {
  const dir = mkdtempSync(join(tmpdir(), 'oms-pgbouncer-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  writeFileSync(join(dir, 'users.txt'), '"postgres" ""\n');
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    `[databases]
* = host=127.0.0.1 port=${postgresPort}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${dir}/users.txt
admin_users = postgres
pool_mode = transaction
max_client_conn = 500
default_pool_size = 10
logfile = ${dir}/pgbouncer.log
`,
  );
  chmodSync(join(dir, 'pgbouncer.ini'), 0o644);
  // PgBouncer refuses to run as root.
  const [cmd, args] =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', '/usr/sbin/pgbouncer', join(dir, 'pgbouncer.ini')]]
      : ['/usr/sbin/pgbouncer', [join(dir, 'pgbouncer.ini')]];
  const child = spawn(cmd, args, { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const admin = () =>
    new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/pgbouncer` });
  for (let i = 0; ; i++) {
    const client = admin();
    const up = await client.connect().then(
      () => true,
      () => false,
    );
    await client.end().catch(() => undefined);
    if (up) break;
    if (child.exitCode !== null || i > 100) throw new Error('pgbouncer did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    urlFor(directUrl) {
      const url = new URL(directUrl);
      url.port = String(port);
      return url.toString();
    },
    async transactions(database) {
      const client = admin();
      await client.connect();
      try {
        const { rows } = await client.query<{ database: string; total_xact_count: string }>(
          'SHOW STATS',
        );
        return Number(rows.find((r) => r.database === database)?.total_xact_count ?? 0);
      } finally {
        await client.end();
      }
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
