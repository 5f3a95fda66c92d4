// Liveness and readiness. `/health` answers while the process runs (a database outage is ridden
// through, so restarting the process would not help); `/health/ready` also asks the database, so
// a load balancer can send traffic elsewhere while this instance cannot reach it.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { PUBLIC } from '../access/route-rules';
import { primaryReads } from '../db/read-replica';
import type { BackOfficeReads } from '../db/read-replica';
import type { Database } from '../db/schema';
import { sendDatabaseUnavailable } from '../http/database-unavailable-reply';

export const SERVICE_NAME = 'central-oms';
const READY_TIMEOUT_MS = 2000;

async function databaseAnswers(db: Kysely<Database>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>(
    (resolve) => (timer = setTimeout(resolve, READY_TIMEOUT_MS, false)),
  );
  const probe = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(db: Kysely<Database>, reads: BackOfficeReads = primaryReads(db)) {
  return async (app: FastifyInstance) => {
    app.get('/health', { config: { access: PUBLIC } }, async () => ({
      status: 'ok',
      service: SERVICE_NAME,
      time: new Date().toISOString(),
    }));
    app.get('/health/ready', { config: { access: PUBLIC } }, async (_request, reply) => {
      if (!(await databaseAnswers(db))) return sendDatabaseUnavailable(reply);
      // null: back-office reads go to the primary (no replica, or it is too far behind).
      const { lagMs } = await reads.pick();
      return { status: 'ready', service: SERVICE_NAME, database: 'up', readReplicaLagMs: lagMs };
    });
  };
}
