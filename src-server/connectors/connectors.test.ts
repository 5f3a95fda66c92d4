import { describe, expect, it } from 'vitest';
import { canonicalOrderSchema } from '../../shared/orders/order-schema';
import { magentoOrder } from './magento/magento-order.fixture';
import { mapMagentoOrder } from './magento/magento-order';
import { decimalToMinor, fractionToPercent } from './money';
import { shopifyHmac, verifyShopifyHmac } from './shopify/shopify-hmac';
import { shopifyOrderCreated } from './shopify/shopify-order.fixture';
import { mapShopifyOrder } from './shopify/shopify-order';

describe('channel money', () => {
  it('turns decimal strings and floats into cents without float drift', () => {
    expect(decimalToMinor('12.50')).toBe(1250);
    expect(decimalToMinor('0.1')).toBe(10);
    expect(decimalToMinor(9.95)).toBe(995);
    expect(decimalToMinor(0.1 + 0.2)).toBe(30);
    expect(decimalToMinor('-1.00')).toBeNull();
    expect(decimalToMinor('1e3')).toBeNull();
  });

  it('turns fractional tax rates into percent without float drift', () => {
    expect(fractionToPercent(0.21)).toBe(21);
    expect(fractionToPercent('0.055')).toBe(5.5);
    expect(fractionToPercent(0.08875)).toBe(8.875);
    expect(fractionToPercent(1)).toBe(100);
    expect(fractionToPercent(21)).toBeNull();
    expect(fractionToPercent(-0.1)).toBeNull();
  });
});

describe('Shopify orders/create', () => {
  it('maps the webhook onto a valid canonical B2C order', () => {
    const order = canonicalOrderSchema.parse(mapShopifyOrder(shopifyOrderCreated()));
    expect(order).toMatchObject({
      channelOrderRef: '#1001',
      currency: 'EUR',
      customer: {
        type: 'person',
        name: 'Emma de Vries',
        email: 'emma.devries@example.com',
        locale: 'nl',
      },
      shipTo: { country: 'NL', postalCode: '1012 LG', latitude: 52.3756 },
      lines: [
        { sku: 'SKU-1', quantity: 2, unitPriceMinor: 1250 },
        { sku: 'SKU-3', quantity: 1, unitPriceMinor: 1495 },
      ],
      shippingChargedMinor: 495,
    });
  });

  it('names the Shopify field when a line has no SKU', () => {
    const payload = shopifyOrderCreated({
      line_items: [{ sku: '', title: 'x', quantity: 1, price: '1.00' }],
    });
    expect(() => mapShopifyOrder(payload)).toThrow(
      expect.objectContaining({ field: 'line_items[0].sku' }),
    );
  });

  it('verifies X-Shopify-Hmac-Sha256 over the raw body and refuses a tampered body', () => {
    const raw = Buffer.from(JSON.stringify(shopifyOrderCreated()));
    const header = shopifyHmac(raw, 'secret');
    expect(verifyShopifyHmac(raw, 'secret', header)).toBe(true);
    expect(verifyShopifyHmac(Buffer.concat([raw, Buffer.from(' ')]), 'secret', header)).toBe(false);
    expect(verifyShopifyHmac(raw, 'other-secret', header)).toBe(false);
    expect(verifyShopifyHmac(raw, 'secret', undefined)).toBe(false);
  });
});

describe('Adobe Commerce order', () => {
  it('maps a B2B purchase order, skipping the configurable child item', () => {
    const order = canonicalOrderSchema.parse(mapMagentoOrder(magentoOrder()));
    expect(order).toMatchObject({
      channelOrderRef: '000000042',
      placedAt: '2024-11-12T09:15:00Z',
      poNumber: 'PO-2024-0117',
      customer: {
        type: 'company',
        companyName: 'Brasserie Maes',
        buyer: { name: 'Jan Peeters', email: 'jan@brasserie-maes.example' },
      },
      shipTo: { line1: 'Veldstraat 12', line2: 'bus 3', country: 'BE', postalCode: '9000' },
      lines: [
        { sku: 'SKU-1', quantity: 20, unitPriceMinor: 1000 },
        { sku: 'SKU-3', quantity: 5, unitPriceMinor: 1000 },
      ],
      shippingChargedMinor: 995,
    });
  });

  it('maps a guest order without PO number to a person', () => {
    const order = mapMagentoOrder(magentoOrder({ payment: { method: 'checkmo' } }));
    expect(order.customer.type).toBe('person');
  });
});
