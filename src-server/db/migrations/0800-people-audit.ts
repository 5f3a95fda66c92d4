// People of the back office (users, roles, a lead's warehouses), their sessions, sign-in
// throttling, password reset tokens, and the audit log of every change a person or system makes.
// Secrets are stored only as hashes: session ids and reset tokens as SHA-256 (256-bit random
// values), passwords as argon2id.
import { sql } from 'kysely';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`create table users (
      id uuid primary key,
      email text not null unique check (email = lower(email)),
      name text not null,
      locale text not null default 'en' check (locale in ('en', 'nl')),
      password_hash text not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
    sql`create table user_roles (
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('admin', 'customer_service', 'sales_rep', 'purchasing', 'finance', 'warehouse_lead')),
      primary key (user_id, role)
    )`,
    sql`create table lead_warehouses (
      user_id uuid not null references users (id) on delete cascade,
      warehouse_code text not null references warehouses (code),
      primary key (user_id, warehouse_code)
    )`,
    sql`create table user_sessions (
      id_hash text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    )`,
    sql`create index user_sessions_user on user_sessions (user_id)`,
    // One row per throttled key (an account's e-mail hash, an IP address): failures in the window.
    sql`create table sign_in_throttle (
      key text primary key,
      failures integer not null,
      window_started_at timestamptz not null,
      locked_until timestamptz
    )`,
    sql`create table password_reset_tokens (
      token_hash text primary key,
      user_id uuid not null references users (id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz
    )`,
    sql`create index password_reset_tokens_user on password_reset_tokens (user_id, created_at)`,
    sql`create table audit_log (
      id uuid primary key,
      at timestamptz not null default date_trunc('milliseconds', clock_timestamp()),
      actor_type text not null check (actor_type in ('user', 'channel', 'station', 'admin_token', 'system')),
      actor_id text not null,
      actor_label text,
      object_type text not null,
      object_id text not null,
      action text not null,
      before jsonb,
      after jsonb
    )`,
    sql`create index audit_log_at on audit_log (at desc, id desc)`,
    sql`create index audit_log_object on audit_log (object_type, object_id, at desc, id desc)`,
    sql`create index audit_log_actor on audit_log (actor_type, actor_id, at desc, id desc)`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'password_reset_tokens',
    'sign_in_throttle',
    'user_sessions',
    'lead_warehouses',
    'user_roles',
    'users',
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
