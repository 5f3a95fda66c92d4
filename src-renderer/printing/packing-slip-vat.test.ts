// The station's fulfillment document carries what the packing slip's VAT breakdown needs.
import { describe, expect, it } from 'vitest';
import { packingSlipMoneyOf, packingSlipVatRows } from '../../shared/labels/packing-slip-money';
import { makeFulfillment } from './print-fixtures';

describe('the packing slip money a station reads from its fulfillment', () => {
  it('comes to the station from the fulfillment document, mention and net per rate included', () => {
    const fulfillment = makeFulfillment({
      orderMoney: {
        currency: 'EUR',
        pricesIncludeTax: false,
        subtotalCents: 5500,
        discountCents: 0,
        shippingCents: 495,
        taxCents: 0,
        totalCents: 5995,
        taxes: [{ ratePercent: 0, netCents: 5995, taxCents: 0 }],
        vatMention: 'export',
      },
    });
    const money = packingSlipMoneyOf(fulfillment)!;
    expect(money.vatMention).toBe('export');
    expect(packingSlipVatRows(money)).toEqual([
      { rate: '0%', net: '59.95 EUR', tax: '0.00 EUR', gross: '59.95 EUR' },
    ]);
  });
});
