// Sign-in throttling that holds across instances (one row per key in the database): an account
// is locked after `maxAccountFailures` failures in a row, for `lockMinutes`; an IP address that
// fails `maxIpFailures` times within `lockMinutes` waits until that window ends. Keys are hashed:
// the table never holds the e-mail addresses attackers try.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PeopleConfig } from './people-config';

export const accountKey = (email: string) =>
  `account:${createHash('sha256').update(email, 'utf8').digest('hex')}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export interface ThrottleState {
  /** Set when the account is locked: until when. */
  accountLockedUntil: Date | null;
  /** Set when the IP address must wait: until when. */
  ipBlockedUntil: Date | null;
}

export async function throttleState(
  db: Kysely<Database>,
  keys: { account: string; ip: string },
  config: PeopleConfig,
): Promise<ThrottleState> {
  const rows = await db
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where('key', 'in', [keys.account, keys.ip])
    .execute();
  const now = Date.now();
  const account = rows.find((r) => r.key === keys.account);
  const ip = rows.find((r) => r.key === keys.ip);
  const windowEnd = ip ? ip.window_started_at.getTime() + config.lockMinutes * 60_000 : 0;
  return {
    accountLockedUntil:
      account?.locked_until && account.locked_until.getTime() > now ? account.locked_until : null,
    ipBlockedUntil:
      ip && ip.failures >= config.maxIpFailures && windowEnd > now ? new Date(windowEnd) : null,
  };
}

/**
 * Counts one failure against a key under a row lock (concurrent failures on two instances both
 * count). A window older than `lockMinutes`, or a lock that has run out, starts the count again.
 */
async function countFailure(
  db: Kysely<Database>,
  key: string,
  limit: number,
  config: PeopleConfig,
  lockOnLimit: boolean,
): Promise<Date | null> {
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    await trx
      .insertInto('sign_in_throttle')
      .values({ key, failures: 0, window_started_at: now, locked_until: null })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await trx
      .selectFrom('sign_in_throttle')
      .selectAll()
      .where('key', '=', key)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const windowMs = config.lockMinutes * 60_000;
    const lockRanOut = row.locked_until !== null && row.locked_until <= now;
    const fresh = lockRanOut || row.window_started_at.getTime() + windowMs < now.getTime();
    const failures = fresh ? 1 : row.failures + 1;
    const stillLocked = row.locked_until !== null && !lockRanOut ? row.locked_until : null;
    const lockedUntil =
      stillLocked ?? (lockOnLimit && failures >= limit ? new Date(now.getTime() + windowMs) : null);
    await trx
      .updateTable('sign_in_throttle')
      .set({
        failures,
        window_started_at: fresh ? now : row.window_started_at,
        locked_until: lockedUntil,
      })
      .where('key', '=', key)
      .execute();
    return lockedUntil;
  });
}

/** A failed sign-in: counts against the account and the IP address; answers the account's lock. */
export async function recordFailure(
  db: Kysely<Database>,
  keys: { account: string; ip: string },
  config: PeopleConfig,
): Promise<Date | null> {
  const lockedUntil = await countFailure(db, keys.account, config.maxAccountFailures, config, true);
  await countFailure(db, keys.ip, config.maxIpFailures, config, false);
  return lockedUntil;
}

/** A successful sign-in clears the account's count (the IP's count runs out with its window). */
export async function clearAccountFailures(db: Kysely<Database>, account: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', account).execute();
}

/** Rows whose window and lock both ended a day ago are of no further use. */
export async function pruneThrottle(db: Kysely<Database>): Promise<void> {
  const dayAgo = new Date(Date.now() - 86_400_000);
  await db
    .deleteFrom('sign_in_throttle')
    .where('window_started_at', '<', dayAgo)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', dayAgo)]))
    .execute();
}
