// A channel's API keys: listed without their secret, issued (the key is answered once and
// stored as a hash), revoked (it stops working at once on this instance). Rotating a key is
// issuing the new one, switching the channel over, then revoking the old one.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { generateApiKey, hashApiKey } from '../access/api-keys';
import type { Database } from '../db/schema';
import { ApiError, notFound } from '../http/api-error';

type Db = Kysely<Database> | Transaction<Database>;

export interface ChannelKeyView {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function channelExists(db: Db, channelCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('channels')
    .select('code')
    .where('code', '=', channelCode)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listChannelKeys(db: Db, channelCode: string): Promise<ChannelKeyView[]> {
  const rows = await db
    .selectFrom('channel_api_keys')
    .select(['id', 'label', 'created_at', 'revoked_at'])
    .where('channel_code', '=', channelCode)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.created_at.toISOString(),
    revokedAt: r.revoked_at ? r.revoked_at.toISOString() : null,
  }));
}

/** The channel's keys as the audit log keeps them (never a hash), its row locked. */
export async function channelKeysSnapshot(trx: Transaction<Database>, channelCode: string) {
  const channel = await trx
    .selectFrom('channels')
    .select(['code', 'name'])
    .where('code', '=', channelCode)
    .forUpdate()
    .executeTakeFirst();
  if (!channel) return null;
  return { ...channel, keys: await listChannelKeys(trx, channelCode) };
}

export async function issueChannelKey(db: Db, channelCode: string, label: string) {
  if (!(await channelExists(db, channelCode))) throw notFound(`Channel ${channelCode}`);
  const apiKey = generateApiKey();
  const id = randomUUID();
  const row = await db
    .insertInto('channel_api_keys')
    .values({ id, channel_code: channelCode, key_hash: hashApiKey(apiKey), label })
    .returning('created_at')
    .executeTakeFirstOrThrow();
  return { id, label, apiKey, createdAt: row.created_at.toISOString() };
}

export async function revokeChannelKey(db: Db, channelCode: string, keyId: string) {
  const key = await db
    .selectFrom('channel_api_keys')
    .select(['id', 'revoked_at'])
    .where('id', '=', keyId)
    .where('channel_code', '=', channelCode)
    .forUpdate()
    .executeTakeFirst();
  if (!key) throw notFound(`Key ${keyId} of channel ${channelCode}`);
  if (key.revoked_at)
    throw new ApiError(409, 'already_revoked', 'This key is revoked already.', 'id');
  const row = await db
    .updateTable('channel_api_keys')
    .set({ revoked_at: new Date() })
    .where('id', '=', keyId)
    .returning('revoked_at')
    .executeTakeFirstOrThrow();
  return { id: keyId, revokedAt: row.revoked_at!.toISOString() };
}
