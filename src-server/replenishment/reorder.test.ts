import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderableQuantity, suggestReorder, windowSums, type ReorderInput } from './reorder';

const base: ReorderInput = {
  demandClass: 'smooth',
  point: Array.from({ length: 91 }, () => 10),
  known: Array.from({ length: 91 }, () => 0),
  errorSd: 3,
  recentDemand: [],
  leadTimeDays: 9,
  reviewDays: 7,
  serviceLevel: 0.95,
  onHand: 100,
  reserved: 20,
  inbound: 0,
  minimumOrderQuantity: 1,
  packSize: 1,
};

describe('reorder point and quantity', () => {
  it('covers mean demand over lead time + review plus z·σ·√days (textbook normal case)', () => {
    // 16 days × 10 = 160; σ = 3·√16 = 12; z(0.95) = 1.6449 → ROP = ⌈160 + 19.74⌉ = 180.
    const s = suggestReorder(base);
    expect(s).toMatchObject({
      protectionDays: 16,
      forecastUnits: 160,
      sigma: 12,
      reorderPoint: 180,
    });
    expect(s.inventoryPosition).toBe(80);
    expect(s.orderQuantity).toBe(100);
    expect(s.reason).toBe(
      'cover 8 days, lead time 9 days (+7 review), forecast 160 ± 12 over 16 days, safety stock 20 for 95 % service (normal), 20 reserved',
    );
  });

  it('adds known demand on top, and counts inbound supply', () => {
    const s = suggestReorder({
      ...base,
      known: base.point.map((_, i) => (i < 16 ? 2 : 0)),
      point: base.point.map((p, i) => p + (i < 16 ? 2 : 0)),
      inbound: 150,
    });
    expect(s.knownUnits).toBe(32);
    expect(s.reorderPoint).toBe(212);
    expect(s.orderQuantity).toBe(0);
    expect(s.reason).toContain('32 needed by subscriptions and quotes');
  });

  it('takes intermittent demand from the empirical lead-time demand, not a normal curve', () => {
    // A sale of 20 every 10th day: over 16 days demand is 20 or 40, never "32 ± 9".
    const history = Array.from({ length: 182 }, (_, t) => (t % 10 === 0 ? 20 : 0));
    const s = suggestReorder({
      ...base,
      demandClass: 'lumpy',
      point: base.point.map(() => 2),
      errorSd: 6,
      recentDemand: history,
      onHand: 0,
      reserved: 0,
    });
    expect(s.method).toBe('empirical');
    expect(s.reorderPoint).toBe(40);
    expect(s.reason).toContain('empirical lead-time demand, intermittent');
  });

  it('rounds an order up to the minimum and to whole packs', () => {
    expect(orderableQuantity(7, 24, 6)).toBe(24);
    expect(orderableQuantity(25, 24, 6)).toBe(30);
    expect(orderableQuantity(0, 24, 6)).toBe(0);
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e5, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 100 }),
        (need, moq, pack) => {
          const q = orderableQuantity(need, moq, pack);
          expect(q % pack).toBe(0);
          expect(q).toBeGreaterThanOrEqual(Math.max(need, moq));
          expect(q - pack).toBeLessThan(Math.max(Math.ceil(need), moq));
        },
      ),
    );
  });

  it('orders exactly when the inventory position is at or below the reorder point, up to it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 500 }),
        (onHand, reserved, inbound) => {
          const s = suggestReorder({ ...base, onHand, reserved, inbound });
          if (s.inventoryPosition > s.reorderPoint) expect(s.orderQuantity).toBe(0);
          else expect(s.inventoryPosition + s.orderQuantity).toBeGreaterThanOrEqual(s.reorderPoint);
        },
      ),
    );
  });

  it('skips windows holding a censored (stock-out) day', () => {
    expect(windowSums([1, 2, null, 3, 4, 5], 2)).toEqual([3, 7, 9]);
  });
});
