import { z } from 'zod';

/**
 * A block of numbers the central OMS leases to one station so it can number cartons offline
 * without collisions. `next` is the next unused number; `end` is the last number of the lease
 * (inclusive). A range with next > end is used up.
 */
export const serialRangeSchema = z
  .object({
    next: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((range) => range.next <= range.end + 1, {
    message: 'next may be at most end + 1',
    path: ['next'],
  });
export type SerialRange = z.infer<typeof serialRangeSchema>;

export class SerialRangeExhaustedError extends Error {
  constructor(readonly range: SerialRange) {
    super(
      `serial range used up (next ${range.next}, end ${range.end}); the station needs a new lease`,
    );
    this.name = 'SerialRangeExhaustedError';
  }
}

/** Numbers still available in the lease. */
export function remainingSerials(range: SerialRange): number {
  return Math.max(0, range.end - range.next + 1);
}

/**
 * True when the station should ask for a new lease: at or below `lowWaterMark` numbers left.
 * Asking early leaves room to keep labelling through an outage that starts right now.
 */
export function needsRenewal(range: SerialRange, lowWaterMark: number): boolean {
  return remainingSerials(range) <= lowWaterMark;
}

/** Takes the next serial; returns it with the advanced range and never hands out a number twice. */
export function takeSerial<R extends SerialRange>(range: R): { serial: number; range: R } {
  if (remainingSerials(range) === 0) throw new SerialRangeExhaustedError(range);
  return { serial: range.next, range: { ...range, next: range.next + 1 } };
}
