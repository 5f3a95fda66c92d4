// Tells "the database cannot be reached" (restart, failover, network) apart from every other
// failure, so a request gets 503 with Retry-After instead of a 500 and background work waits and
// tries again instead of giving up. The errors come from `pg`, `pg-pool` and Node's sockets.

/** Seconds a client is asked to wait before it retries (the `Retry-After` header). */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

export const DATABASE_UNAVAILABLE = {
  code: 'database_unavailable',
  message: 'The database cannot be reached right now; try again in a few seconds.',
} as const;

/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away or not accepting sessions yet: class 08 (connection
 * exception), admin/crash shutdown, "starting up / shutting down", and too many connections.
 */
const isUnavailableSqlState = (code: string): boolean =>
  /^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code);

/** Messages `pg` and `pg-pool` give for a dead or unobtainable connection (they carry no code). */
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /is not queryable$/,
  /^Query read timeout$/,
];

const MAX_DEPTH = 5;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_DEPTH) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  // A failed outgoing HTTP call (fetch) carries socket codes too, but is not the database.
  if (error instanceof TypeError && message === 'fetch failed') return false;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || isUnavailableSqlState(code)))
    return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message)))
    return true;
  // Node's happy-eyeballs connect fails with an AggregateError of one error per address.
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return cause !== undefined && isDatabaseUnavailable(cause, depth + 1);
}
