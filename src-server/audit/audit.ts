// The audit log: who changed what, when, with the object's state before and after, written in the
// same transaction as the change (a change that fails leaves no entry). Write routes wrap their
// change in `audited`; the change gets a database handle bound to the audit's transaction, so a
// domain function that opens its own transaction joins this one instead.
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Principal } from '../access/access';
import type { Database } from '../db/schema';
import type { AuditActorType } from './audit-schema';

export interface AuditActor {
  type: AuditActorType;
  id: string;
  label: string | null;
}

export function auditActorOf(principal: Principal | null): AuditActor {
  switch (principal?.kind) {
    case 'person':
      return { type: 'user', id: principal.person.userId, label: principal.person.email };
    case 'channel':
      return { type: 'channel', id: principal.channelCode, label: null };
    case 'station':
      return {
        type: 'station',
        id: principal.station.stationId,
        label: principal.station.stationName,
      };
    case 'admin':
      return { type: 'admin_token', id: 'admin-token', label: null };
    default:
      return { type: 'system', id: 'system', label: null };
  }
}

export interface AuditTarget<T> {
  objectType: string;
  action: string;
  /** Known before an update; taken from the result for a creation. */
  objectId: string | ((result: T) => string);
  /**
   * The object's state inside the transaction (null when it does not exist). It locks the
   * object's row, so `before` is the state the change starts from, not a stale read.
   */
  snapshot: (trx: Transaction<Database>, objectId: string) => Promise<unknown>;
  /** Why, when the caller said (kept with the entry). */
  reason?: string | undefined;
}

/** Keys whose values never belong in the audit log, whatever object they come from. */
const SECRET_KEY = /hash|secret|salt|token|password|pin/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEY.test(key) && inner !== null ? '[redacted]' : redact(inner),
    ]),
  );
}

/**
 * A handle on an open transaction whose `transaction()` runs the callback in that same
 * transaction: domain functions written as `db.transaction().execute(...)` join it.
 */
export function joinTransaction(trx: Transaction<Database>): Transaction<Database> {
  const joined = {
    execute: <R>(callback: (t: Transaction<Database>) => Promise<R>) => callback(trx),
    setIsolationLevel: () => joined,
    setAccessMode: () => joined,
  };
  return new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => joined;
      const value: unknown = Reflect.get(target, property, target);
      // Kysely's classes keep private fields: call their methods on the real object.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export async function writeAuditEntry(
  trx: Transaction<Database>,
  actor: AuditActor,
  entry: {
    objectType: string;
    objectId: string;
    action: string;
    before: unknown;
    after: unknown;
    reason?: string | undefined;
  },
): Promise<void> {
  const json = (value: unknown) =>
    value === null || value === undefined ? null : JSON.stringify(redact(value));
  await trx
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      actor_type: actor.type,
      actor_id: actor.id,
      actor_label: actor.label,
      object_type: entry.objectType,
      object_id: entry.objectId,
      action: entry.action,
      before: json(entry.before),
      after: json(entry.after),
      reason: entry.reason ?? null,
    })
    .execute();
}

/** Runs `change` and its audit entry in one transaction. */
export async function audited<T>(
  db: Kysely<Database>,
  actor: AuditActor,
  target: AuditTarget<T>,
  change: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const knownId = typeof target.objectId === 'string' ? target.objectId : null;
    const before = knownId === null ? null : await target.snapshot(trx, knownId);
    const result = await change(joinTransaction(trx));
    const objectId =
      typeof target.objectId === 'string' ? target.objectId : target.objectId(result);
    const after = await target.snapshot(trx, objectId);
    await writeAuditEntry(trx, actor, {
      objectType: target.objectType,
      objectId,
      action: target.action,
      before,
      after,
      reason: target.reason,
    });
    return result;
  });
}

/** `audited` with the request's caller as the actor. */
export function auditedBy(request: FastifyRequest, db: Kysely<Database>) {
  const actor = auditActorOf(request.principal);
  return <T>(target: AuditTarget<T>, change: (trx: Transaction<Database>) => Promise<T>) =>
    audited(db, actor, target, change);
}
