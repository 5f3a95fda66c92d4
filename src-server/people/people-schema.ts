// Kysely typings of the people tables (migration 0800-people-audit).
import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  locale: ColumnType<string, string | undefined, string>;
  password_hash: string;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface LeadWarehousesTable {
  user_id: string;
  warehouse_code: string;
}

export interface UserSessionsTable {
  id_hash: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

export interface PeopleTables {
  users: UsersTable;
  user_roles: UserRolesTable;
  lead_warehouses: LeadWarehousesTable;
  user_sessions: UserSessionsTable;
  sign_in_throttle: SignInThrottleTable;
  password_reset_tokens: PasswordResetTokensTable;
}
