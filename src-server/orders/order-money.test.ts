import { describe, expect, it } from 'vitest';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { makeOrder } from '../../test/support/oms-fixtures';
import { priceOrderMoney, taxAtRate } from './order-money';

const price = (order: CanonicalOrder) =>
  priceOrderMoney(
    order,
    order.lines.map((l) => l.unitPriceMinor ?? 1000),
  );

describe('order money', () => {
  it('prices an order without tax data as before: no tax, total = lines + shipping', () => {
    const money = price(
      makeOrder({
        lines: [{ sku: 'A', quantity: 3, unitPriceMinor: 1250 }],
        shippingChargedMinor: 495,
      }),
    );
    expect(money).toMatchObject({
      subtotalMinor: 3750,
      taxMinor: 0,
      discountMinor: 0,
      totalMinor: 4245,
    });
    expect(money.lines[0]).toMatchObject({ netMinor: 3750, grossMinor: 3750, taxRatePpm: null });
  });

  it('computes the tax from a rate alone, added to net prices or contained in gross ones', () => {
    expect(taxAtRate(10_500, 210_000, false)).toBe(2205);
    expect(taxAtRate(12_100, 210_000, true)).toBe(2100);
    expect(taxAtRate(5, 210_000, false)).toBe(1); // 1.05 rounds half up to 1
    const order = makeOrder({
      pricesIncludeTax: true,
      lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 1210, taxRatePercent: 21 }],
    });
    expect(price(order).lines[0]).toMatchObject({
      taxMinor: 210,
      netMinor: 1000,
      grossMinor: 1210,
    });
  });

  it('takes the tax amounts as sent over the rate', () => {
    const order = makeOrder({
      lines: [{ sku: 'A', quantity: 3, unitPriceMinor: 333, taxRatePercent: 21, taxMinor: 209 }],
      grandTotalMinor: 1208,
    });
    expect(price(order)).toMatchObject({ taxMinor: 209, totalMinor: 1208 });
  });

  it('names the field of a discount larger than its line, and of an included tax larger than its line', () => {
    expect(() =>
      price(
        makeOrder({ lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100, discountMinor: 101 }] }),
      ),
    ).toThrow(
      expect.objectContaining({ code: 'discount_too_large', field: 'lines[0].discountMinor' }),
    );
    expect(() =>
      price(
        makeOrder({
          pricesIncludeTax: true,
          lines: [{ sku: 'A', quantity: 1, unitPriceMinor: 100, taxMinor: 101 }],
        }),
      ),
    ).toThrow(expect.objectContaining({ code: 'tax_too_large', field: 'lines[0].taxMinor' }));
    expect(() =>
      price(makeOrder({ shippingChargedMinor: 100, shippingDiscountMinor: 200 })),
    ).toThrow(expect.objectContaining({ field: 'shippingDiscountMinor' }));
  });

  it('refuses a row total that is not unit price × quantity give or take a cent a unit', () => {
    const line = { sku: 'A', quantity: 3, unitPriceMinor: 333 };
    expect(price(makeOrder({ lines: [{ ...line, lineTotalMinor: 1000 }] })).subtotalMinor).toBe(
      1000,
    );
    expect(() => price(makeOrder({ lines: [{ ...line, lineTotalMinor: 1003 }] }))).toThrow(
      expect.objectContaining({ code: 'line_total_mismatch', field: 'lines[0].lineTotalMinor' }),
    );
  });

  it('refuses a grand total off by a cent with the sum written out', () => {
    const order = makeOrder({
      lines: [
        { sku: 'A', quantity: 1, unitPriceMinor: 10_500, taxMinor: 2205, taxRatePercent: 21 },
      ],
      grandTotalMinor: 12_710,
    });
    expect(() => price(order)).toThrow(
      expect.objectContaining({
        statusCode: 422,
        field: 'grandTotalMinor',
        message:
          "lines 105.00 + shipping 0.00 + tax 22.05 − discounts 0.00 = 127.05, but the channel's grand total is 127.10: off by 0.05.",
      }),
    );
  });

  it('refuses sums larger than the database holds', () => {
    const lines = Array.from({ length: 3 }, () => ({ sku: 'A', quantity: 1, unitPriceMinor: 1e9 }));
    expect(() => price(makeOrder({ lines }))).toThrow(
      expect.objectContaining({ code: 'total_too_large' }),
    );
  });
});
