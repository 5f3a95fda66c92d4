// A warehouse's inventory movements, newest first, keyset-paged by id; filtered by SKU, reason
// and time (`from` inclusive, `to` exclusive).
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { MOVEMENT_REASONS } from '../../shared/inventory/movement-reasons';
import { storableText } from '../../shared/orders/order-schema';
import { acceptedInstant } from '../../shared/validation/timestamps';
import type { Database } from '../db/schema';

export const movementListQuery = z.object({
  sku: storableText(64).optional().describe('Only this SKU'),
  reason: z.enum(MOVEMENT_REASONS).optional(),
  from: acceptedInstant().optional().describe('At or after (a date: from 00:00 UTC)'),
  to: acceptedInstant().optional().describe('Before (a date: from its 00:00 UTC)'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'must be a cursor this API gave out')
    .optional()
    .describe('nextCursor of the previous page'),
});
export type MovementListQuery = z.infer<typeof movementListQuery>;

export const movementSchema = z.object({
  id: z.string(),
  at: z.string(),
  warehouseCode: z.string(),
  binCode: z.string(),
  sku: z.string(),
  quantity: z.number().int(),
  reason: z.enum(MOVEMENT_REASONS),
  referenceKind: z.string(),
  referenceId: z.string(),
  note: z.string().nullable(),
  actor: z.object({ type: z.string(), id: z.string(), label: z.string().nullable() }),
});
export const movementPageSchema = z.object({
  movements: z.array(movementSchema),
  nextCursor: z.string().nullable(),
});
export type MovementPage = z.infer<typeof movementPageSchema>;

export async function listMovements(
  db: Kysely<Database>,
  warehouseCode: string,
  query: MovementListQuery,
): Promise<MovementPage> {
  let select = db
    .selectFrom('inventory_movements')
    .selectAll()
    .where('warehouse_code', '=', warehouseCode)
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.sku !== undefined) select = select.where('sku', '=', query.sku);
  if (query.reason !== undefined) select = select.where('reason', '=', query.reason);
  if (query.from !== undefined) select = select.where('created_at', '>=', query.from);
  if (query.to !== undefined) select = select.where('created_at', '<', query.to);
  if (query.cursor !== undefined) select = select.where('id', '<', query.cursor);
  const rows = await select.execute();
  const page = rows.slice(0, query.limit);
  return {
    movements: page.map((r) => ({
      id: String(r.id),
      at: new Date(r.created_at).toISOString(),
      warehouseCode: r.warehouse_code,
      binCode: r.bin_code,
      sku: r.sku,
      quantity: r.quantity,
      reason: r.reason as (typeof MOVEMENT_REASONS)[number],
      referenceKind: r.reference_kind,
      referenceId: r.reference_id,
      note: r.note,
      actor: { type: r.actor_type, id: r.actor_id, label: r.actor_label },
    })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
  };
}
