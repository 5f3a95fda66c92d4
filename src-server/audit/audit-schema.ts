// Kysely typings of the audit log (migrations 0800-people-audit, 0802-audit-reasons).
import type { ColumnType } from 'kysely';

/** jsonb: written as a JSON string, read back parsed. */
type Json<T> = ColumnType<T, string | null, never>;

export type AuditActorType = 'user' | 'channel' | 'station' | 'admin_token' | 'system';

export interface AuditLogTable {
  id: string;
  at: ColumnType<Date, Date | undefined, never>;
  actor_type: AuditActorType;
  actor_id: string;
  actor_label: string | null;
  object_type: string;
  object_id: string;
  action: string;
  before: Json<unknown>;
  after: Json<unknown>;
  /** Why, as the person gave it (order holds and cancels). */
  reason: ColumnType<string | null, string | null | undefined, never>;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
