// The RMA lifecycle as a pure function: authorised → in_transit → received → inspected →
// refunded / closed / rejected. Every move the central OMS makes goes through here, so a state
// can never be skipped backwards or left after it is final.
import { z } from 'zod';

export const RMA_STATUSES = [
  'authorised',
  'in_transit',
  'received',
  'inspected',
  'refunded',
  'closed',
  'rejected',
] as const;
export const rmaStatusSchema = z.enum(RMA_STATUSES);
export type RmaStatus = z.infer<typeof rmaStatusSchema>;

export const RETURN_REASONS = [
  'wrong_size',
  'damaged',
  'not_as_described',
  'arrived_late',
  'changed_mind',
  'other',
] as const;
export const returnReasonSchema = z.enum(RETURN_REASONS);
export type ReturnReason = z.infer<typeof returnReasonSchema>;

export const refundMethodSchema = z.enum(['original_payment', 'store_credit']);
export type RefundMethod = z.infer<typeof refundMethodSchema>;

const NEXT: Record<RmaStatus, readonly RmaStatus[]> = {
  authorised: ['in_transit', 'received', 'closed', 'rejected'],
  in_transit: ['received', 'closed', 'rejected'],
  received: ['inspected', 'rejected'],
  inspected: ['refunded', 'closed', 'rejected'],
  refunded: [],
  closed: [],
  rejected: [],
};

/** States an operator may set by hand; the others follow from receipts and refunds. */
export const MANUAL_RMA_TARGETS = [
  'in_transit',
  'closed',
  'rejected',
] as const satisfies readonly RmaStatus[];

export type RmaTransition = { ok: true; status: RmaStatus } | { ok: false; reason: string };

export function transitionRma(from: RmaStatus, to: RmaStatus): RmaTransition {
  if (NEXT[from].includes(to)) return { ok: true, status: to };
  if (NEXT[from].length === 0) return { ok: false, reason: `The RMA is ${from}; that is final.` };
  return {
    ok: false,
    reason: `An RMA that is ${from} cannot become ${to} (next: ${NEXT[from].join(', ')}).`,
  };
}

/** The RMA still expects goods: a station may take a receipt against it. */
export function awaitsGoods(status: RmaStatus): boolean {
  return status === 'authorised' || status === 'in_transit';
}

export function isFinal(status: RmaStatus): boolean {
  return NEXT[status].length === 0;
}
