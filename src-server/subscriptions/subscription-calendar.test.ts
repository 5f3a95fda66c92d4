import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  anchorFor,
  averageIntervalDays,
  daysBetween,
  firstOnOrAfter,
  nextAfter,
  rhythmDate,
} from './subscription-calendar';
import type { Rhythm } from './subscription-calendar';

const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays('2001-01-01', n));
const rhythm: fc.Arbitrary<Rhythm> = fc.oneof(
  fc.record({
    unit: fc.constant('day' as const),
    count: fc.integer({ min: 1, max: 60 }),
    dayOfMonth: fc.constant(null),
  }),
  fc.record({
    unit: fc.constant('week' as const),
    count: fc.integer({ min: 1, max: 8 }),
    dayOfMonth: fc.constant(null),
  }),
  fc.record({
    unit: fc.constant('month' as const),
    count: fc.integer({ min: 1, max: 12 }),
    dayOfMonth: fc.option(fc.integer({ min: 1, max: 31 }), { nil: null }),
  }),
);

describe('a plan rhythm', () => {
  it('keeps the 31st of the month, clamped to short months, and comes back to it', () => {
    const monthly: Rhythm = { unit: 'month', count: 1, dayOfMonth: null };
    expect([0, 1, 2, 3].map((k) => rhythmDate('2026-01-31', monthly, k))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(rhythmDate('2028-01-31', monthly, 1)).toBe('2028-02-29');
    expect(anchorFor('2026-03-10', { unit: 'month', count: 1, dayOfMonth: 5 })).toBe('2026-04-05');
    expect(anchorFor('2026-03-01', { unit: 'month', count: 1, dayOfMonth: 5 })).toBe('2026-03-05');
  });

  it('finds the first date on or after any day: on the rhythm, not before it, and no rhythm date skipped', () => {
    fc.assert(
      fc.property(day, rhythm, day, (anchor, r, min) => {
        const found = firstOnOrAfter(anchor, r, min);
        expect(found >= min).toBe(true);
        // It is a rhythm date: some k gives it.
        const estimate = Math.round(daysBetween(anchor, found) / averageIntervalDays(r));
        const k = [-2, -1, 0, 1, 2]
          .map((d) => estimate + d)
          .find((i) => rhythmDate(anchor, r, i) === found);
        expect(k).toBeDefined();
        // The rhythm date before it lies before min.
        expect(rhythmDate(anchor, r, k! - 1) < min).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('moves strictly forward with nextAfter, at most one interval (31 days a month) at a time', () => {
    fc.assert(
      fc.property(day, rhythm, (anchor, r) => {
        const next = nextAfter(anchor, r, anchor);
        const gap = daysBetween(anchor, next);
        expect(gap).toBeGreaterThan(0);
        const max = r.unit === 'month' ? 31 * r.count + 3 : r.count * (r.unit === 'week' ? 7 : 1);
        expect(gap).toBeLessThanOrEqual(max);
      }),
    );
  });
});
