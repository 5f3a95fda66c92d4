// The RMA lifecycle as a pure function. An RMA may come back in several parcels; each parcel is
// received and refunded on its own, and the RMA says where the whole return stands:
//
//   authorised / in_transit     nothing received yet
//   partially_received          some units in, more expected; a parcel's refund is not issued yet
//   partially_refunded          some units in, more expected; every parcel so far is settled
//   received → inspected        every authorised unit is in; inspected waits for a refund
//   refunded                    every unit in and every parcel refunded (final)
//   closed / expired / rejected ended by a person, by time, or refused (final)
//
// Every move the central OMS makes goes through here, so a state can never be skipped backwards
// or left after it is final.
import { z } from 'zod';

export const RMA_STATUSES = [
  'authorised',
  'in_transit',
  'partially_received',
  'partially_refunded',
  'received',
  'inspected',
  'refunded',
  'closed',
  'expired',
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

const ENDINGS = ['closed', 'expired', 'rejected'] as const;

const NEXT: Record<RmaStatus, readonly RmaStatus[]> = {
  authorised: ['in_transit', 'partially_received', 'received', ...ENDINGS],
  in_transit: ['partially_received', 'received', ...ENDINGS],
  partially_received: ['partially_refunded', 'received', ...ENDINGS],
  partially_refunded: ['partially_received', 'received', ...ENDINGS],
  received: ['inspected', 'rejected'],
  inspected: ['refunded', 'closed', 'rejected'],
  refunded: [],
  closed: [],
  expired: [],
  rejected: [],
};

/** States an operator may set by hand; the others follow from parcels, refunds and time. */
export const MANUAL_RMA_TARGETS = [
  'in_transit',
  'closed',
  'rejected',
] as const satisfies readonly RmaStatus[];

/** The states in which an RMA still expects goods: a station may take a parcel against it. */
export const AWAITING_GOODS = [
  'authorised',
  'in_transit',
  'partially_received',
  'partially_refunded',
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
  return (AWAITING_GOODS as readonly RmaStatus[]).includes(status);
}

export function isFinal(status: RmaStatus): boolean {
  return NEXT[status].length === 0;
}

/** Where the return stands after a parcel or a refund: what the next state follows from. */
export interface RmaStanding {
  /** Units this parcel added to the RMA's lines (0 for a parcel of wrong or extra items only). */
  unitsReceived: number;
  /** Every authorised unit has now been received. */
  complete: boolean;
  /** A parcel's refund is recorded but not issued (pending, or the provider refused it). */
  refundOutstanding: boolean;
  /** Refunded over all parcels so far (issued or outstanding), minor units. */
  refundedMinor: number;
}

/**
 * The moves, in order, that a parcel makes from `from`: some units in → partially received, and
 * partially refunded once nothing is owed; the last units in → received → inspected → refunded
 * (closed when nothing at all was refunded). A parcel that added no unit moves nothing.
 */
export function movesAfterParcel(from: RmaStatus, standing: RmaStanding): RmaStatus[] {
  if (standing.unitsReceived === 0) return [];
  if (standing.complete) return ['received', 'inspected', ...settledMoves('inspected', standing)];
  const received: RmaStatus[] = from === 'partially_received' ? [] : ['partially_received'];
  return [...received, ...settledMoves('partially_received', standing)];
}

/** The moves once the parcels' refunds are settled (after a parcel, or a refund issued on retry). */
export function settledMoves(from: RmaStatus, standing: RmaStanding): RmaStatus[] {
  if (standing.refundOutstanding) return [];
  if (from === 'partially_received') return ['partially_refunded'];
  if (from === 'inspected') return [standing.refundedMinor > 0 ? 'refunded' : 'closed'];
  return [];
}
