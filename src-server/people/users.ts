// People's accounts: reading, listing (keyset-paged, sorted and filtered), creating and changing
// them. Passwords are hashed here; nothing returns a hash.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  emailSchema,
  localeSchema,
  passwordSchema,
  roleSchema,
  type Role,
} from '../../shared/people/roles';
import { isUniqueViolation } from '../db/errors';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';
import { decodeKeyset, encodeKeyset } from '../http/keyset';
import { hashPassword } from './passwords';

export const userViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: localeSchema,
  active: z.boolean(),
  roles: z.array(roleSchema),
  leadWarehouses: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserView = z.infer<typeof userViewSchema>;

const rolesInput = z
  .array(roleSchema)
  .min(1, 'needs at least one role')
  .transform((roles) => [...new Set(roles)]);
const warehousesInput = z.array(z.string().min(1).max(32)).max(100);

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  locale: localeSchema.default('en'),
  password: passwordSchema,
  roles: rolesInput,
  leadWarehouses: warehousesInput.default([]),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userChangeSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  locale: localeSchema.optional(),
  active: z.boolean().optional(),
  roles: rolesInput.optional(),
  leadWarehouses: warehousesInput.optional(),
});
export type UserChange = z.infer<typeof userChangeSchema>;

const parseList = (value: unknown): unknown[] =>
  typeof value === 'string' ? (JSON.parse(value) as unknown[]) : ((value as unknown[]) ?? []);

function usersQuery(db: Kysely<Database>) {
  return db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.locale',
      'u.active',
      'u.created_at',
      'u.updated_at',
      sql<unknown>`coalesce((select json_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '[]')`.as(
        'roles',
      ),
      sql<unknown>`coalesce((select json_agg(w.warehouse_code order by w.warehouse_code) from lead_warehouses w where w.user_id = u.id), '[]')`.as(
        'lead_warehouses',
      ),
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof usersQuery>['executeTakeFirstOrThrow']>>;

function toView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: localeSchema.parse(row.locale),
    active: row.active,
    roles: parseList(row.roles).map((r) => roleSchema.parse(r)),
    leadWarehouses: parseList(row.lead_warehouses).map(String),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getUserView(db: Kysely<Database>, id: string): Promise<UserView | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const row = await usersQuery(db).where('u.id', '=', id).executeTakeFirst();
  return row ? toView(row) : null;
}

export const USER_SORTS = ['email', 'name', 'createdAt'] as const;
export const userListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(USER_SORTS).default('email'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

const SORT_COLUMN = { email: 'u.email', name: 'u.name', createdAt: 'u.created_at' } as const;

export async function listUsers(db: Kysely<Database>, query: UserListQuery) {
  const column = SORT_COLUMN[query.sort];
  const op = query.dir === 'asc' ? '>' : '<';
  let select = usersQuery(db);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) =>
      eb.or([eb('u.email', 'ilike', like), eb('u.name', 'ilike', like)]),
    );
  }
  if (query.role) {
    const role = query.role;
    select = select.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_roles as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role', '=', role),
      ),
    );
  }
  if (query.active) select = select.where('u.active', '=', query.active === 'true');
  if (query.cursor) {
    const after = decodeKeyset(query.cursor, `${query.sort}:${query.dir}`);
    const value = query.sort === 'createdAt' ? new Date(after.value ?? '') : after.value;
    if (value instanceof Date && Number.isNaN(value.getTime()))
      throw new ApiError(400, 'invalid_cursor', 'The cursor is not valid.', 'cursor');
    select = select.where(
      sql<boolean>`(${sql.ref(column)}, u.id) ${sql.raw(op)} (${value}, ${after.id}::uuid)`,
    );
  }
  const rows = await select
    .orderBy(column, query.dir)
    .orderBy('u.id', query.dir)
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit).map(toView);
  const last = page.at(-1);
  const lastValue =
    last &&
    (query.sort === 'createdAt'
      ? rows[page.length - 1]!.created_at.toISOString()
      : last[query.sort]);
  return {
    users: page,
    nextCursor:
      rows.length > query.limit && last
        ? encodeKeyset(`${query.sort}:${query.dir}`, lastValue ?? null, last.id)
        : null,
  };
}

async function checkWarehouses(db: Kysely<Database>, roles: Role[], codes: string[]) {
  const lead = roles.includes('warehouse_lead');
  if (lead && codes.length === 0)
    throw new ApiError(
      422,
      'lead_needs_warehouse',
      'A warehouse lead needs at least one warehouse.',
      'leadWarehouses',
    );
  if (!lead && codes.length > 0)
    throw new ApiError(
      422,
      'warehouses_without_lead',
      'Only a warehouse lead has warehouses.',
      'leadWarehouses',
    );
  if (codes.length === 0) return;
  const known = await db
    .selectFrom('warehouses')
    .select('code')
    .where('code', 'in', codes)
    .execute();
  const missing = codes.filter((c) => !known.some((k) => k.code === c));
  if (missing.length > 0)
    throw new ApiError(
      422,
      'unknown_warehouse',
      `No warehouse has code ${missing.join(', ')}.`,
      'leadWarehouses',
    );
}

async function writeRoles(
  db: Kysely<Database>,
  userId: string,
  roles: Role[],
  warehouses: string[],
) {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  await db.deleteFrom('lead_warehouses').where('user_id', '=', userId).execute();
  await db
    .insertInto('user_roles')
    .values(roles.map((role) => ({ user_id: userId, role })))
    .execute();
  if (warehouses.length > 0)
    await db
      .insertInto('lead_warehouses')
      .values(
        [...new Set(warehouses)].map((warehouse_code) => ({ user_id: userId, warehouse_code })),
      )
      .execute();
}

/** Creates the account; call inside a transaction (roles are separate rows). */
export async function createUser(db: Kysely<Database>, input: NewUser): Promise<string> {
  await checkWarehouses(db, input.roles, input.leadWarehouses);
  const id = randomUUID();
  const password_hash = await hashPassword(input.password);
  try {
    await db
      .insertInto('users')
      .values({ id, email: input.email, name: input.name, locale: input.locale, password_hash })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError(409, 'email_taken', `${input.email} already has an account.`, 'email');
    throw error;
  }
  await writeRoles(db, id, input.roles, input.leadWarehouses);
  return id;
}

/** Changes name, language, roles or whether the account is active; call inside a transaction. */
export async function changeUser(
  db: Kysely<Database>,
  id: string,
  change: UserChange,
): Promise<UserView> {
  const current = await getUserView(db, id);
  if (!current) throw notFound(`User ${id}`);
  const roles = change.roles ?? current.roles;
  const warehouses =
    change.leadWarehouses ?? (roles.includes('warehouse_lead') ? current.leadWarehouses : []);
  if (change.roles || change.leadWarehouses) {
    await checkWarehouses(db, roles, warehouses);
    await writeRoles(db, id, roles, warehouses);
  }
  await db
    .updateTable('users')
    .set({
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.locale !== undefined ? { locale: change.locale } : {}),
      ...(change.active !== undefined ? { active: change.active } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  return (await getUserView(db, id))!;
}

export async function setPassword(
  db: Kysely<Database>,
  userId: string,
  password: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}

/** Active admins other than `exceptUserId`: the last one may not lose the role or be deactivated. */
export async function otherActiveAdmins(
  db: Kysely<Database>,
  exceptUserId: string | null,
): Promise<number> {
  let query = db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('r.role', '=', 'admin')
    .where('u.active', '=', true);
  if (exceptUserId) query = query.where('u.id', '!=', exceptUserId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
