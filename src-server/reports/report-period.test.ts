import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogramQuantile } from './fulfilment-report';
import { periodDays, previousPeriod } from './report-period';
import { mergeDeltas } from './rollup-table';

describe('report periods', () => {
  it('compares a week with the seven days before it, across a month and a leap day', () => {
    expect(previousPeriod({ from: '2028-03-01', to: '2028-03-07' })).toEqual({
      from: '2028-02-23',
      to: '2028-02-29',
    });
    expect(periodDays({ from: '2026-12-03', to: '2026-12-03' })).toBe(1);
  });

  it('makes the previous period as long as the period and end the day before it starts', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2001-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 800 }),
        (start, length) => {
          const from = start.toISOString().slice(0, 10);
          const to = new Date(start.getTime() + length * 86_400_000).toISOString().slice(0, 10);
          const previous = previousPeriod({ from, to });
          expect(periodDays(previous)).toBe(periodDays({ from, to }));
          expect(periodDays({ from: previous.to, to: from })).toBe(2);
        },
      ),
    );
  });
});

describe('histogram quantiles', () => {
  it('gives the smallest value holding the share asked for', () => {
    const buckets = [
      { value: 30, count: 1 },
      { value: 2, count: 5 },
      { value: 5, count: 4 },
    ];
    expect(histogramQuantile(buckets, 0.5)).toBe(2);
    expect(histogramQuantile(buckets, 0.9)).toBe(5);
    expect(histogramQuantile(buckets, 1)).toBe(30);
    expect(histogramQuantile([], 0.5)).toBeNull();
  });

  it('equals the nearest-rank quantile of the expanded values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(500), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (values, q) => {
          const counts = new Map<number, number>();
          for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
          const sorted = [...values].sort((a, b) => a - b);
          const nearestRank = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
          expect(
            histogramQuantile(
              [...counts].map(([value, count]) => ({ value, count })),
              q,
            ),
          ).toBe(nearestRank);
        },
      ),
    );
  });
});

describe('rollup deltas', () => {
  it('merges deltas of one key and sorts keys, so concurrent writers lock rows in one order', () => {
    const merged = mergeDeltas('report_refunds_daily', [
      { day: '2026-12-02', channel_code: 'web', currency: 'EUR', refunds: 1, refund_minor: 500 },
      { day: '2026-12-01', channel_code: 'web', currency: 'EUR', refunds: 1, refund_minor: 100 },
      { day: '2026-12-02', channel_code: 'web', currency: 'EUR', refunds: 1, refund_minor: 250 },
    ]);
    expect(merged).toEqual([
      { day: '2026-12-01', channel_code: 'web', currency: 'EUR', refunds: 1, refund_minor: 100 },
      { day: '2026-12-02', channel_code: 'web', currency: 'EUR', refunds: 2, refund_minor: 750 },
    ]);
  });
});
