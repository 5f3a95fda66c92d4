// A request that failed because the database cannot be reached (a restart, a failover) gets 503
// with Retry-After: nothing was decided, so the client retries, idempotently where it matters.
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE,
  isDatabaseUnavailable,
} from '../db/unavailable';

export function sendDatabaseUnavailable(reply: FastifyReply): FastifyReply {
  return reply
    .status(503)
    .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
    .send({ ...DATABASE_UNAVAILABLE });
}

/** Answers 503 when `error` says the database is unreachable; false for any other error. */
export function repliedDatabaseUnavailable(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  // Info, not error: during an outage every request ends here, and the pool reports the cause.
  request.log.info({ err: error }, 'database unavailable: answered 503');
  void sendDatabaseUnavailable(reply);
  return true;
}
