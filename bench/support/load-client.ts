// The load client, run as its own process (`tsx bench/support/load-client.ts '<json>'`) so the
// instances under test have the machine's cores to themselves apart from it. It keeps `clients`
// requests in flight for `durationMs` over keep-alive HTTP and prints one JSON line of results.
// Kinds: `intake` posts orders (as bench:intake's), `get` reads the given paths in turn, and
// `plain-sql` is intake's baseline: the same rows inserted straight into the database.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { z } from 'zod';
import { benchOrder } from './bench-orders';
import { plainSqlInserter } from './plain-sql-baseline';

const plan = z.object({
  kind: z.enum(['intake', 'get', 'plain-sql']),
  baseUrl: z.url().default('http://127.0.0.1'),
  token: z.string().default(''),
  /** For `plain-sql`. */
  databaseUrl: z.string().optional(),
  clients: z.number().int().min(1).max(1000),
  durationMs: z.number().int().min(100),
  /** For `get`: paths read in turn, e.g. `/v1/orders/<id>`. */
  paths: z.array(z.string()).default([]),
  /** Offsets the orders' numbers, so rounds never repeat a channel order reference. */
  firstOrder: z.number().int().min(0).default(0),
});
export type LoadPlan = z.input<typeof plan>;

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers other than 200/201, by status. */
  failures: Record<string, number>;
}

function send(
  agent: Agent,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, method, headers }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(input: LoadPlan): Promise<LoadResult> {
  const p = plan.parse(input);
  const agent = new Agent({ keepAlive: true, maxSockets: p.clients });
  const auth = { authorization: `Bearer ${p.token}` };
  const latencies: number[] = [];
  const failures: Record<string, number> = {};
  let next = 0;
  const plainSql =
    p.kind === 'plain-sql' ? plainSqlInserter(p.databaseUrl ?? '', p.clients) : undefined;
  const once = async (i: number): Promise<number> => {
    if (plainSql) return plainSql.insert(p.firstOrder + i);
    if (p.kind === 'get') {
      return send(agent, new URL(p.paths[i % p.paths.length]!, p.baseUrl), 'GET', auth);
    }
    const body = JSON.stringify(benchOrder(p.firstOrder + i));
    return send(
      agent,
      new URL('/v1/orders', p.baseUrl),
      'POST',
      {
        ...auth,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    );
  };
  const started = performance.now();
  const deadline = started + p.durationMs;
  await Promise.all(
    Array.from({ length: p.clients }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        const status = await once(next++).catch(() => 0);
        latencies.push(performance.now() - t);
        if (status !== 200 && status !== 201)
          failures[String(status)] = (failures[String(status)] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  await plainSql?.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    failures,
  };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const result = await runLoad(JSON.parse(process.argv[2] ?? '{}') as LoadPlan);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
