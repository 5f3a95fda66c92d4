import { describe, expect, it } from 'vitest';
import { shopifyMoneyOf } from '../../../test/support/connector-money';
import { shopifyOrderCreated, shopifyTaxIncludedOrder } from './shopify-order.fixture';
import { mapShopifyOrder } from './shopify-order';

describe('Shopify order money', () => {
  it('stores an order with taxes included, a discount and taxed shipping as Shopify rounded it', () => {
    const { order, money } = shopifyMoneyOf(shopifyTaxIncludedOrder());
    expect(order.pricesIncludeTax).toBe(true);
    expect(money.lines).toEqual([
      expect.objectContaining({
        unitPriceMinor: 1250,
        lineTotalMinor: 2500,
        discountMinor: 250,
        taxMinor: 390,
        taxRatePpm: 210_000,
        grossMinor: 2250,
        netMinor: 1860,
      }),
      expect.objectContaining({
        unitPriceMinor: 1495,
        discountMinor: 0,
        taxMinor: 259,
        grossMinor: 1495,
        netMinor: 1236,
      }),
    ]);
    expect(money.shipping).toEqual({
      amountMinor: 495,
      discountMinor: 0,
      taxMinor: 86,
      taxRatePpm: 210_000,
      grossMinor: 495,
      netMinor: 409,
    });
    expect(money).toMatchObject({
      subtotalMinor: 3995,
      discountMinor: 250,
      shippingChargedMinor: 495,
      taxMinor: 735,
      totalMinor: 4240,
    });
  });

  it('keeps an order without tax data working: no tax, total = lines + shipping', () => {
    const { money } = shopifyMoneyOf(shopifyOrderCreated());
    expect(money).toMatchObject({ taxMinor: 0, discountMinor: 0, totalMinor: 4490 });
    expect(money.lines.map((l) => l.taxRatePpm)).toEqual([null, null]);
  });

  it('refuses a total_price the parts do not make, naming the difference', () => {
    expect(() => shopifyMoneyOf(shopifyTaxIncludedOrder({ total_price: '42.45' }))).toThrow(
      expect.objectContaining({
        statusCode: 422,
        code: 'grand_total_mismatch',
        field: 'total_price',
        message:
          "The Shopify order's total_price: lines 39.95 + shipping 4.95 − discounts 2.50 = 42.40 (tax 7.35 included), but the channel's grand total is 42.45: off by 0.05.",
      }),
    );
  });

  it('refuses a total_tax the tax lines do not make', () => {
    expect(() => shopifyMoneyOf(shopifyTaxIncludedOrder({ total_tax: '7.36' }))).toThrow(
      expect.objectContaining({ code: 'tax_total_mismatch', field: 'total_tax' }),
    );
  });

  it('falls back to the current_* totals when the originals are absent', () => {
    const { money } = shopifyMoneyOf(
      shopifyTaxIncludedOrder({ total_price: null, total_tax: undefined }),
    );
    expect(money.totalMinor).toBe(4240);
    expect(() =>
      shopifyMoneyOf(shopifyTaxIncludedOrder({ total_price: null, current_total_price: '1.00' })),
    ).toThrow(expect.objectContaining({ code: 'grand_total_mismatch' }));
  });

  it('accepts latitude and longitude as number, numeric string or null, and names anything else', () => {
    const at = (latitude: unknown, longitude: unknown) =>
      mapShopifyOrder(
        shopifyOrderCreated({
          shipping_address: { ...shopifyOrderCreated().shipping_address, latitude, longitude },
        }),
      ).shipTo;
    expect(at(52.3756, 4.8961)).toMatchObject({ latitude: 52.3756, longitude: 4.8961 });
    expect(at('52.3756', ' -4.8961 ')).toMatchObject({ latitude: 52.3756, longitude: -4.8961 });
    const none = at(null, null);
    expect(none.latitude).toBeUndefined();
    expect(none.longitude).toBeUndefined();
    expect(() => at('north', 4)).toThrow(
      expect.objectContaining({ statusCode: 400, field: 'shipping_address.latitude' }),
    );
  });

  it('names the tax line of a rate that is not a fraction', () => {
    const [mug, notebook] = shopifyTaxIncludedOrder().line_items;
    const order = shopifyTaxIncludedOrder({
      line_items: [mug, { ...notebook, tax_lines: [{ price: '2.59', rate: 21, title: 'BTW' }] }],
    });
    expect(() => mapShopifyOrder(order)).toThrow(
      expect.objectContaining({ field: 'line_items[1].tax_lines[0].rate' }),
    );
  });
});

describe('Shopify customer language', () => {
  it.each([
    ['nl-NL', 'nl'],
    ['de-AT', 'de'],
    ['fr-BE', 'fr'],
    ['en-GB', 'en'],
    ['es-ES', 'en'],
  ])('takes %s as %s', (customerLocale, locale) => {
    const order = mapShopifyOrder(shopifyOrderCreated({ customer_locale: customerLocale }));
    expect(order.customer.locale).toBe(locale);
  });
});
