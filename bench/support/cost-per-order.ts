// Load-independent costs of a benchmark round: CPU time of the OMS process and of the PostgreSQL
// cluster (from /proc, user + system), and the statements the database ran (pg_stat_statements,
// when the cluster preloads it). On a machine other work shares, orders/s moves with that work;
// CPU milliseconds and statements per order do not, so they tell whether a change made intake
// cheaper.
import { readdirSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../src-server/db/schema';

const TICKS_PER_SECOND = 100; // Linux USER_HZ (`getconf CLK_TCK`)

interface ProcStat {
  ppid: number;
  /** Own user + system time, in ticks. */
  own: number;
  /** Reaped children's user + system time, in ticks. */
  children: number;
}

function procStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const n = (field: number) => Number(fields[field - 3]);
    return { ppid: n(4), own: n(14) + n(15), children: n(16) + n(17) };
  } catch {
    return null;
  }
}

/** CPU seconds a process has used so far. */
export function processCpuSeconds(pid: number): number {
  return (procStat(pid)?.own ?? 0) / TICKS_PER_SECOND;
}

/**
 * CPU seconds the cluster has used so far: the postmaster, its live backends and the backends
 * that already exited (reaped by the postmaster, so counted in its children's time).
 */
export function clusterCpuSeconds(postmasterPid: number): number {
  const postmaster = procStat(postmasterPid);
  if (!postmaster) return 0;
  let ticks = postmaster.own + postmaster.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(Number(entry));
    if (stat?.ppid === postmasterPid) ticks += stat.own;
  }
  return ticks / TICKS_PER_SECOND;
}

/** The postmaster's pid: the parent of the backend serving this connection. */
export async function postmasterPid(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  return procStat(rows[0]!.pid)!.ppid;
}

export interface StatementCounts {
  /** Statements run in the database (BEGIN and COMMIT included). */
  total: number;
  byQuery: Map<string, number>;
}

/** pg_stat_statements' calls in the current database, or null when the extension is not loaded. */
export async function statementCounts(db: Kysely<Database>): Promise<StatementCounts | null> {
  try {
    const { rows } = await sql<{ query: string; calls: string }>`
      select query, calls from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database())`.execute(db);
    const byQuery = new Map(rows.map((r) => [r.query, Number(r.calls)]));
    return { total: [...byQuery.values()].reduce((a, b) => a + b, 0), byQuery };
  } catch {
    return null;
  }
}

export interface RoundCost {
  omsCpuMsPerOrder: number | null;
  databaseCpuMsPerOrder: number;
  statementsPerOrder: number | null;
  /** The statements run most in the round, per order. */
  top: { query: string; perOrder: number }[];
}

/** Measures the costs of `round`, which answers how many orders it placed. */
export async function measureRound(
  db: Kysely<Database>,
  pids: { oms?: number; postmaster: number },
  round: () => Promise<number>,
): Promise<RoundCost> {
  const omsBefore = pids.oms === undefined ? 0 : processCpuSeconds(pids.oms);
  const dbBefore = clusterCpuSeconds(pids.postmaster);
  const statementsBefore = await statementCounts(db);
  const orders = await round();
  const omsAfter = pids.oms === undefined ? 0 : processCpuSeconds(pids.oms);
  const dbAfter = clusterCpuSeconds(pids.postmaster);
  const statementsAfter = await statementCounts(db);
  const perOrder = (x: number) => x / Math.max(orders, 1);
  const top =
    statementsBefore && statementsAfter
      ? [...statementsAfter.byQuery]
          .map(([query, calls]) => ({
            query: query.replace(/\s+/g, ' ').slice(0, 100),
            perOrder: perOrder(calls - (statementsBefore.byQuery.get(query) ?? 0)),
          }))
          .filter((s) => s.perOrder > 0)
          .sort((a, b) => b.perOrder - a.perOrder)
          .slice(0, 25)
      : [];
  return {
    omsCpuMsPerOrder: pids.oms === undefined ? null : perOrder((omsAfter - omsBefore) * 1000),
    databaseCpuMsPerOrder: perOrder((dbAfter - dbBefore) * 1000),
    // The two pg_stat_statements reads themselves are not the round's.
    statementsPerOrder:
      statementsBefore && statementsAfter
        ? perOrder(statementsAfter.total - statementsBefore.total - 1)
        : null,
    top,
  };
}
