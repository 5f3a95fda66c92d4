import { describe, expect, it } from 'vitest';
import {
  needsRenewal,
  remainingSerials,
  SerialRangeExhaustedError,
  serialRangeSchema,
  takeSerial,
} from './serial-range';

const makeRange = (next: number, end: number) => ({ next, end });

describe('leased serial range', () => {
  it('hands out each number once, in order, and counts what is left', () => {
    let range = makeRange(100, 102);
    const taken: number[] = [];
    while (remainingSerials(range) > 0) {
      const result = takeSerial(range);
      taken.push(result.serial);
      range = result.range;
    }
    expect(taken).toEqual([100, 101, 102]);
    expect(remainingSerials(range)).toBe(0);
  });

  it('refuses to take from a used-up range rather than reuse a number', () => {
    expect(() => takeSerial(makeRange(103, 102))).toThrow(SerialRangeExhaustedError);
  });

  it('keeps extra lease fields when advancing', () => {
    const result = takeSerial({ leaseId: 'L-7', next: 5, end: 9 });
    expect(result.range).toEqual({ leaseId: 'L-7', next: 6, end: 9 });
  });

  it('asks for renewal at the low-water mark, not before', () => {
    expect(needsRenewal(makeRange(0, 100), 50)).toBe(false);
    expect(needsRenewal(makeRange(50, 100), 50)).toBe(false);
    expect(needsRenewal(makeRange(51, 100), 50)).toBe(true);
    expect(needsRenewal(makeRange(101, 100), 0)).toBe(true);
  });

  it('rejects a lease whose next lies beyond end + 1, naming the field', () => {
    const result = serialRangeSchema.safeParse(makeRange(10, 5));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['next']);
    expect(serialRangeSchema.safeParse(makeRange(6, 5)).success).toBe(true);
  });
});
