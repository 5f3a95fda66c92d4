// Why on-hand stock changed. Every inventory movement carries one of these codes; the back office
// shows them translated (src-backoffice/stock/messages). Adjustment reasons are the ones a person
// may choose; the others are written by the flow they name (receiving, shipping, returns, transfers).

export const ADJUSTMENT_REASONS = [
  'damaged',
  'lost',
  'expired',
  'found',
  'cycle_count',
  'correction',
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export const FLOW_REASONS = [
  'opening_balance',
  'purchase_receipt',
  'shipment',
  'return_restock',
  'transfer_out',
  'transfer_in',
] as const;

export const MOVEMENT_REASONS = [...FLOW_REASONS, ...ADJUSTMENT_REASONS] as const;
export type MovementReason = (typeof MOVEMENT_REASONS)[number];

export interface AdjustmentRule {
  /** Which way the reason may move stock. */
  direction: 'down' | 'up' | 'either';
  /**
   * May take on hand below what is reserved: the units are gone (broken, lost, counted missing)
   * whatever orders were promised, so the shortfall must show. A correction may not.
   */
  belowReserved: boolean;
}

export const ADJUSTMENT_RULES: Record<AdjustmentReason, AdjustmentRule> = {
  damaged: { direction: 'down', belowReserved: true },
  lost: { direction: 'down', belowReserved: true },
  expired: { direction: 'down', belowReserved: true },
  found: { direction: 'up', belowReserved: false },
  cycle_count: { direction: 'either', belowReserved: true },
  correction: { direction: 'either', belowReserved: false },
};

/** What the movement refers to (an order, a purchase order, an RMA, a transfer, a person's adjustment). */
export const MOVEMENT_REFERENCE_KINDS = [
  'seed',
  'order',
  'purchase_order',
  'rma',
  'return_receipt',
  'transfer',
  'adjustment',
] as const;
export type MovementReferenceKind = (typeof MOVEMENT_REFERENCE_KINDS)[number];
