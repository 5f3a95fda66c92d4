// What the scale benchmarks run: a benchmark database (demo catalogue, plenty of stock, optionally
// a generated order history), central OMS instances as real processes (the production bundle),
// nginx in front of several, and the load client as a process of its own.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../../src-server/db/connect';
import { migrateToLatest } from '../../src-server/db/migrate';
import { demoChannelCredentials } from '../../src-server/seed/demo-channels';
import { seedDemoData } from '../../src-server/seed/demo-seed';
import { createDatabase, freePort } from '../../test/setup/postgres-cluster';
import { generateOrders } from '../../test/support/generated-orders';
import type { LoadPlan, LoadResult } from './load-client';

export const BENCH_SEED = 'bench';

export interface BenchDatabase {
  url: string;
  /** The marketplace channel's API key. */
  apiKey: string;
  /** Order ids to read back (a sample of the stored ones). */
  sampleOrderIds(): Promise<string[]>;
}

/** A fresh database: migrated, the demo catalogue with plenty of stock, `orders` generated. */
export async function prepareBenchDatabase(
  clusterUrl: string,
  name: string,
  orders = 0,
): Promise<BenchDatabase> {
  const url = createDatabase(clusterUrl, name);
  const handle = await openDatabase({ databaseUrl: url, maxConnections: 4 });
  try {
    await migrateToLatest(handle.db);
    await seedDemoData(handle.db, {
      seed: BENCH_SEED,
      log: { info: () => undefined },
      maxExtraKmForSingleWarehouse: 100,
      orderCount: 0,
    });
    await sql`update stock set on_hand = 1000000`.execute(handle.db);
    if (orders > 0) await generateOrders(handle.db, orders);
  } finally {
    await handle.close();
  }
  const apiKey = demoChannelCredentials(BENCH_SEED).find(
    (c) => c.channel === 'marketplace',
  )!.apiKey;
  return {
    url,
    apiKey,
    async sampleOrderIds() {
      const h = await openDatabase({ databaseUrl: url, maxConnections: 1 });
      try {
        const { rows } = await sql<{ id: string }>`
          select id from orders tablesample system (1) limit 2000`.execute(h.db);
        if (rows.length > 0) return rows.map((r) => r.id);
        return (await h.db.selectFrom('orders').select('id').limit(2000).execute()).map(
          (r) => r.id,
        );
      } finally {
        await h.close();
      }
    },
  };
}

/** Runs the load client in its own Node process and returns what it measured. */
export function runLoadProcess(plan: LoadPlan): Promise<LoadResult> {
  const client = join(import.meta.dirname, 'load-client.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', client, JSON.stringify(plan)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as LoadResult)
        : reject(new Error(`the load client exited with ${code}: ${out}`)),
    );
  });
}

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

/** Debian's nginx as a round-robin load balancer over `upstreams`, on a free loopback port. */
export async function startNginx(upstreams: readonly string[]): Promise<Nginx> {
  const dir = mkdtempSync(join(tmpdir(), 'oms-nginx-'));
  chmodSync(dir, 0o777);
  for (const sub of ['body', 'proxy']) mkdirSync(join(dir, sub), { mode: 0o777 });
  const port = await freePort();
  const servers = upstreams.map((u) => `    server ${new URL(u).host} max_fails=0;`).join('\n');
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/proxy;
  uwsgi_temp_path ${dir}/proxy;
  scgi_temp_path ${dir}/proxy;
  upstream oms {
${servers}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://oms;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # An order POST carries its Idempotency-Key, so trying it again on the other instance is safe.
      proxy_next_upstream error timeout http_502 non_idempotent;
    }
  }
}
`,
  );
  const child = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (d: Buffer) => (errors += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx did not start: ${errors}`);
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 100) throw new Error(`nginx did not answer: ${errors}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
