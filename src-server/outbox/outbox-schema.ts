// Kysely typings of the outbox's own tables (migration 0760-outbox-heartbeat).
import type { ColumnType } from 'kysely';

/** Set by the database clock (`now()` expressions) or left to its default. */
type Moment = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OutboxDispatchersTable {
  id: string;
  started_at: Moment;
  heartbeat_at: Moment;
}

export interface OutboxTables {
  outbox_dispatchers: OutboxDispatchersTable;
}
