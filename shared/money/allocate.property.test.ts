import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateMinor, splitRefund } from './allocate';

const weights = fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 });

describe('splitting money over parts', () => {
  it('keeps dinero.js within a cent when an exact share is whole (a case fast-check found)', () => {
    const ws = [639968, 776968, 419738, 655159, 314782, 986997, 740634, 781200, 574769, 238903];
    const weights12 = [...ws, 509214, 744008];
    const shares = allocateMinor(328_894_587, weights12);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(328_894_587);
    // The exact share of weight 781200 is the whole 34,803,660; dinero gives one more.
    expect(Math.abs(shares[7]! - 34_803_660)).toBeLessThanOrEqual(1);
  });

  it('never loses or makes a cent, and each share is at most a cent from its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        weights,
        (amount, ws) => {
          const shares = allocateMinor(amount, ws);
          expect(shares).toHaveLength(ws.length);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
          const total = ws.reduce((a, b) => a + b, 0);
          shares.forEach((share, i) => {
            expect(Number.isInteger(share)).toBe(true);
            // |share − exact| ≤ 1 minor unit, in integers: |share·total − amount·weight| ≤ total
            // (dinero.js hands the remainder out in order, so an exact whole share may get one).
            const [num, den] =
              total === 0
                ? [BigInt(amount), BigInt(ws.length)]
                : [BigInt(amount) * BigInt(ws[i]!), BigInt(total)];
            const off = BigInt(share) * den - num;
            expect(off <= den && -off <= den).toBe(true);
            if (total > 0 && ws[i] === 0) expect(share).toBe(0);
          });
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('a refund split over the lines it refunds sums to the refund and refunds no line more than it cost', () => {
    const lines = fc.array(fc.integer({ min: 0, max: 10_000_000 }), {
      minLength: 1,
      maxLength: 50,
    });
    fc.assert(
      fc.property(
        lines.chain((gross) =>
          fc.tuple(
            fc.constant(gross),
            fc.integer({ min: 0, max: gross.reduce((a, b) => a + b, 0) }),
          ),
        ),
        ([gross, refund]) => {
          const shares = splitRefund(refund, gross);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(refund);
          shares.forEach((share, i) => {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(gross[i]!);
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('refuses a refund larger than the lines and a split over no parts', () => {
    expect(() => splitRefund(101, [50, 50])).toThrow(/more than the lines' 100/);
    expect(() => allocateMinor(5, [])).toThrow(RangeError);
    expect(allocateMinor(0, [])).toEqual([]);
  });
});
