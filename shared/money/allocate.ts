/**
 * Splitting an amount of minor units over parts in proportion to weights, with dinero.js: the
 * shares always add up to the amount (no cent lost or made), each at most one minor unit from its
 * exact share (dinero.js hands the remainder out in order, even to a share that was exact).
 */
import { allocate, dinero, toSnapshot } from 'dinero.js';

// Allocation works on whole minor units; the currency's decimals do not change the split.
const MINOR_UNITS = { code: 'XXX', base: 10, exponent: 0 } as const;

/**
 * `amountMinor` split over `weights` (non-negative integers). Parts of weight 0 get nothing;
 * when every weight is 0 the amount is split evenly.
 */
export function allocateMinor(amountMinor: number, weights: readonly number[]): number[] {
  if (weights.length === 0) {
    if (amountMinor === 0) return [];
    throw new RangeError('cannot split a non-zero amount over no parts');
  }
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('weights must be non-negative whole numbers');
  }
  const ratios = weights.every((w) => w === 0) ? weights.map(() => 1) : [...weights];
  const negative = amountMinor < 0;
  const shares = allocate(
    dinero({ amount: Math.abs(amountMinor), currency: MINOR_UNITS }),
    ratios,
  ).map((share) => toSnapshot(share).amount);
  return negative ? shares.map((s) => (s === 0 ? 0 : -s)) : shares;
}

/** A refund split over the lines it refunds, in proportion to what each line cost. */
export function splitRefund(refundMinor: number, lineGrossMinor: readonly number[]): number[] {
  const paid = lineGrossMinor.reduce((a, b) => a + b, 0);
  if (refundMinor > paid) {
    throw new RangeError(`the refund ${refundMinor} is more than the lines' ${paid}`);
  }
  return allocateMinor(refundMinor, lineGrossMinor);
}
