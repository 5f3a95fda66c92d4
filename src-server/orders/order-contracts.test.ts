import { describe, expect, it } from 'vitest';
import { orderPlacedSchema, storedPlacedAnswer } from './order-contracts';

describe('a stored placement answer', () => {
  it('from before orders carried tax replays with the money fields its order had: none', () => {
    const stored = {
      orderId: 'o1',
      channel: 'web',
      channelOrderRef: '#1',
      status: 'released',
      currency: 'EUR',
      subtotalMinor: 2500,
      shippingChargedMinor: 495,
      totalMinor: 2995,
      shippingCostMinor: 475,
      fulfillments: [],
      backordered: [],
    };
    const replay = orderPlacedSchema.parse(storedPlacedAnswer(stored));
    expect(replay).toMatchObject({
      pricesIncludeTax: false,
      discountMinor: 0,
      taxMinor: 0,
      netMinor: 2995,
      shipping: { chargedMinor: 495, grossMinor: 495, taxRatePercent: null },
      taxBreakdown: [],
    });
  });

  it('with the money fields is replayed as stored', () => {
    const current = storedPlacedAnswer({ shipping: { chargedMinor: 1 }, totalMinor: 7 });
    expect(current).toEqual({ shipping: { chargedMinor: 1 }, totalMinor: 7 });
  });
});
