import { describe, expect, it } from 'vitest';
import { magentoMoneyOf } from '../../../test/support/connector-money';
import {
  magentoBundleOrder,
  magentoConfigurableOrder,
  magentoItem,
  magentoNlVatOrder,
  magentoOrder,
} from './magento-order.fixture';
import { allocate } from './magento-items';
import { mapMagentoOrder } from './magento-order';

const shipped = (lines: { sku: string; quantity: number }[]) =>
  lines.map((l) => [l.sku, l.quantity]);

describe('Adobe Commerce order money', () => {
  it('stores an order excluding 21 % VAT at its grand_total 127.05, not 105.00', () => {
    const { order, money } = magentoMoneyOf(magentoNlVatOrder());
    expect(order.pricesIncludeTax).toBe(false);
    expect(money.lines).toEqual([
      expect.objectContaining({
        lineTotalMinor: 5000,
        taxMinor: 1050,
        taxRatePpm: 210_000,
        grossMinor: 6050,
      }),
      expect.objectContaining({
        lineTotalMinor: 5500,
        taxMinor: 1155,
        taxRatePpm: 210_000,
        grossMinor: 6655,
      }),
    ]);
    expect(money).toMatchObject({
      subtotalMinor: 10_500,
      taxMinor: 2205,
      netMinor: 10_500,
      totalMinor: 12_705,
    });
  });

  it('refuses a grand_total the parts do not make, naming the difference', () => {
    expect(() => magentoMoneyOf(magentoNlVatOrder({ grand_total: 127.1 }))).toThrow(
      expect.objectContaining({
        statusCode: 422,
        code: 'grand_total_mismatch',
        field: 'grand_total',
        message:
          "The Adobe Commerce order's grand_total: lines 105.00 + shipping 0.00 + tax 22.05 − discounts 0.00 = 127.05, but the channel's grand total is 127.10: off by 0.05.",
      }),
    );
  });

  it('ships the simple child of a configurable under its own SKU, with the parent money', () => {
    const { order, money } = magentoMoneyOf(magentoConfigurableOrder());
    expect(shipped(order.lines)).toEqual([['SKU-1', 3]]);
    expect(order.lines[0]!.name).toBe('Classic Coffee Mug - Blue');
    expect(money.lines[0]).toMatchObject({
      unitPriceMinor: 1200,
      lineTotalMinor: 3600,
      discountMinor: 360,
      taxMinor: 680,
      taxRatePpm: 210_000,
      netMinor: 3240,
      grossMinor: 3920,
    });
    expect(money.shipping).toMatchObject({ amountMinor: 500, taxMinor: 105, taxRatePpm: 210_000 });
    expect(money).toMatchObject({ discountMinor: 360, taxMinor: 785, totalMinor: 4525 });
  });

  it('ships the children of a dynamic bundle with their own money, not counting the parent twice', () => {
    const { order, money } = magentoMoneyOf(magentoBundleOrder('dynamic'));
    expect(shipped(order.lines)).toEqual([
      ['SKU-1', 4],
      ['SKU-3', 2],
    ]);
    expect(money.lines.map((l) => [l.lineTotalMinor, l.taxMinor])).toEqual([
      [4000, 840],
      [3000, 630],
    ]);
    expect(money.totalMinor).toBe(8470);
  });

  it('ships the children of a fixed-price bundle, sharing the parent money exactly', () => {
    const { order, money } = magentoMoneyOf(magentoBundleOrder('fixed'));
    expect(shipped(order.lines)).toEqual([
      ['SKU-1', 2],
      ['SKU-3', 1],
    ]);
    expect(money.lines.map((l) => [l.unitPriceMinor, l.lineTotalMinor, l.taxMinor])).toEqual([
      [1634, 3267, 686],
      [1633, 1633, 343],
    ]);
    expect(money).toMatchObject({ subtotalMinor: 4900, taxMinor: 1029, totalMinor: 5929 });
  });

  it('keeps the B2B purchase order without tax data working', () => {
    const { order, money } = magentoMoneyOf(magentoOrder());
    expect(shipped(order.lines)).toEqual([
      ['SKU-1', 20],
      ['SKU-3', 5],
    ]);
    expect(money).toMatchObject({ taxMinor: 0, totalMinor: 25_995 });
  });

  it('names the item whose parent is not in the order', () => {
    const order = magentoNlVatOrder({
      items: [
        ...magentoNlVatOrder().items,
        magentoItem({
          item_id: 299,
          sku: 'SKU-1',
          name: 'x',
          qty_ordered: 1,
          price: 0,
          parent_item_id: 9999,
        }),
      ],
    });
    expect(() => mapMagentoOrder(order)).toThrow(
      expect.objectContaining({ statusCode: 400, field: 'items[2].parent_item_id' }),
    );
  });

  it('names a quantity that is not a whole number', () => {
    const order = magentoNlVatOrder();
    order.items[0]!.qty_ordered = 1.5;
    expect(() => mapMagentoOrder(order)).toThrow(
      expect.objectContaining({ statusCode: 400, field: 'items[0].qty_ordered' }),
    );
  });

  it('takes a tax discount on prices including tax without its tax compensation', () => {
    // 121.00 incl. 21 % with 10 % off incl. tax: discount 12.10 of which 2.10 tax compensation.
    const order = magentoNlVatOrder({
      items: [
        {
          ...magentoItem({
            item_id: 1,
            sku: 'SKU-1',
            name: 'Mug',
            qty_ordered: 1,
            price: 100,
            tax_percent: 21,
            tax_amount: 18.9,
            discount_amount: 12.1,
          }),
          discount_tax_compensation_amount: 2.1,
        },
      ],
      tax_amount: 18.9,
      grand_total: 108.9,
    });
    const { money } = magentoMoneyOf(order);
    expect(money.lines[0]).toMatchObject({
      discountMinor: 1000,
      netMinor: 9000,
      grossMinor: 10_890,
    });
    expect(money.totalMinor).toBe(10_890);
  });

  it('shares an amount over weights exactly, by largest remainder', () => {
    expect(allocate(4900, [2, 1])).toEqual([3267, 1633]);
    expect(allocate(100, [0, 0, 0])).toEqual([34, 33, 33]);
    expect(allocate(0, [5, 7])).toEqual([0, 0]);
  });
});
