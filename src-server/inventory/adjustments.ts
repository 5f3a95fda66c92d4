// A person corrects stock in one bin with a reason code: by a signed quantity, or by the quantity
// counted there (a cycle count). The reason decides the direction and whether on hand may drop
// below what orders have reserved; a bin never goes below zero.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import {
  ADJUSTMENT_REASONS,
  ADJUSTMENT_RULES,
  type AdjustmentReason,
} from '../../shared/inventory/movement-reasons';
import type { AuditActor } from '../audit/audit';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { moveStock } from './movements';
import { assertBin, assertWarehouse, lockSkuStock } from './stock-checks';

const code = z.string().trim().min(1).max(64);

export const adjustmentBody = z
  .object({
    warehouseCode: code,
    binCode: code,
    sku: code,
    reason: z.enum(ADJUSTMENT_REASONS),
    quantity: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((n) => n !== 0, 'must not be 0: say how many units come or go')
      .optional()
      .describe('Units added (positive) or taken (negative)'),
    countedQuantity: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .optional()
      .describe('Units counted in the bin; the difference to on hand is the adjustment'),
    note: z.string().trim().max(500).optional(),
  })
  .superRefine((body, ctx) => {
    const given = Number(body.quantity !== undefined) + Number(body.countedQuantity !== undefined);
    if (given !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['quantity'],
        message: 'give either quantity (a change) or countedQuantity (a count), not both or none',
      });
  });
export type AdjustmentRequest = z.infer<typeof adjustmentBody>;

export const adjustmentResultSchema = z.object({
  adjustmentId: z.uuid(),
  warehouseCode: z.string(),
  binCode: z.string(),
  sku: z.string(),
  reason: z.enum(ADJUSTMENT_REASONS),
  /** The change applied (0: the count matched on hand, nothing moved). */
  quantity: z.number().int(),
  binOnHand: z.number().int(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
});
export type AdjustmentResult = z.infer<typeof adjustmentResultSchema>;

function refuseDirection(reason: AdjustmentReason, quantity: number): void {
  const { direction } = ADJUSTMENT_RULES[reason];
  if ((direction === 'down' && quantity > 0) || (direction === 'up' && quantity < 0))
    throw new ApiError(
      422,
      'wrong_direction',
      `Reason ${reason} only ${direction === 'down' ? 'takes stock away' : 'adds stock'}; the change is ${quantity}.`,
      'quantity',
    );
}

export async function adjustStock(
  trx: Transaction<Database>,
  request: AdjustmentRequest,
  actor: AuditActor,
): Promise<AdjustmentResult> {
  const { warehouseCode, binCode, reason } = request;
  await assertWarehouse(trx, warehouseCode, 'warehouseCode');
  await assertBin(trx, warehouseCode, binCode, 'binCode');
  const product = await trx
    .selectFrom('products')
    .select('sku')
    .where('sku', '=', request.sku)
    .executeTakeFirst();
  if (!product)
    throw new ApiError(422, 'unknown_sku', `There is no product ${request.sku}.`, 'sku');
  const sku = product.sku;

  const locked = await lockSkuStock(trx, warehouseCode, sku);
  const inBin = locked.bins.find((b) => b.binCode === binCode)?.onHand ?? 0;
  const quantity =
    request.countedQuantity !== undefined ? request.countedQuantity - inBin : request.quantity!;
  refuseDirection(reason, quantity);
  if (inBin + quantity < 0)
    throw new ApiError(
      422,
      'below_zero',
      `Bin ${binCode} holds ${inBin} × ${sku}; it cannot give ${-quantity}.`,
      'quantity',
    );
  const onHand = locked.onHand + quantity;
  if (quantity < 0 && onHand < locked.reserved && !ADJUSTMENT_RULES[reason].belowReserved)
    throw new ApiError(
      409,
      'below_reserved',
      `${locked.reserved} × ${sku} are reserved for orders in ${warehouseCode}; after this change only ${onHand} would be on hand. Use a reason such as damaged, lost or cycle_count if the units are really gone.`,
      'quantity',
    );
  const adjustmentId = randomUUID();
  await moveStock(trx, [{ warehouseCode, binCode, sku, quantity }], {
    reason,
    referenceKind: 'adjustment',
    referenceId: adjustmentId,
    note: request.note ?? null,
    actor,
  });
  return {
    adjustmentId,
    warehouseCode,
    binCode,
    sku,
    reason,
    quantity,
    binOnHand: inBin + quantity,
    onHand,
    reserved: locked.reserved,
    available: onHand - locked.reserved,
  };
}
