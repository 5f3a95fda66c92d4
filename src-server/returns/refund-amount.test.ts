import { describe, expect, it } from 'vitest';
import { computeRefund, type RefundInput } from './refund-amount';

function makeInput(over: Partial<RefundInput> = {}): RefundInput {
  return {
    lines: [
      { rmaLineId: 'l1', sku: 'SHIRT', authorised: 2, open: 2, unitPriceMinor: 2000 },
      { rmaLineId: 'l2', sku: 'BELT', authorised: 1, open: 1, unitPriceMinor: 3000 },
    ],
    items: [],
    reason: 'changed_mind',
    feePercent: { A: 0, B: 10, C: 50, D: 100 },
    shippingRefundReasons: ['damaged', 'not_as_described', 'arrived_late'],
    shippingChargedMinor: 495,
    shippingAlreadyRefunded: false,
    paidMinor: 7495,
    refundedBeforeMinor: 0,
    currency: 'EUR',
    ...over,
  };
}

describe('refund amount', () => {
  it('keeps the restocking fee of each grade and no shipping for a change of mind', () => {
    const outcome = computeRefund(
      makeInput({
        items: [
          { sku: 'SHIRT', quantity: 1, grade: 'A', match: 'expected' },
          { sku: 'SHIRT', quantity: 1, grade: 'C', match: 'expected' },
          { sku: 'BELT', quantity: 1, grade: 'B', match: 'expected' },
        ],
      }),
    );
    expect(outcome.ok && outcome.refund).toMatchObject({
      itemsMinor: 7000,
      feesMinor: 1000 + 300,
      shippingMinor: 0,
      totalMinor: 5700,
      receivedPerLine: { l1: 2, l2: 1 },
    });
  });

  it('gives the shipping charge back for a damaged parcel, once per order', () => {
    const items = [{ sku: 'BELT', quantity: 1, grade: 'A' as const, match: 'expected' as const }];
    expect(computeRefund(makeInput({ reason: 'damaged', items }))).toMatchObject({
      ok: true,
      refund: { shippingMinor: 495, totalMinor: 3495 },
    });
    expect(
      computeRefund(makeInput({ reason: 'damaged', items, shippingAlreadyRefunded: true })),
    ).toMatchObject({ ok: true, refund: { totalMinor: 3000 } });
  });

  it('refunds nothing for wrong and extra items and for a grade D unit', () => {
    const outcome = computeRefund(
      makeInput({
        items: [
          { sku: 'SOCKS', quantity: 1, grade: 'A', match: 'wrong_item' },
          { sku: 'SHIRT', quantity: 3, grade: 'A', match: 'extra' },
          { sku: 'BELT', quantity: 1, grade: 'D', match: 'expected' },
        ],
      }),
    );
    expect(outcome).toMatchObject({
      ok: true,
      refund: { itemsMinor: 3000, feesMinor: 3000, totalMinor: 0 },
    });
  });

  it('refuses more units as expected than the RMA authorises, naming the SKU', () => {
    const outcome = computeRefund(
      makeInput({ items: [{ sku: 'SHIRT', quantity: 3, grade: 'A', match: 'expected' }] }),
    );
    expect(outcome).toEqual({
      ok: false,
      code: 'above_authorised',
      message:
        '3 × SHIRT received as expected, but the RMA awaits 2 of the 2 it authorises: mark the rest as extra.',
      refusal: {
        code: 'receipt_above_authorised',
        params: { sku: 'SHIRT', received: 3, awaited: 2, authorised: 2 },
      },
    });
  });

  it('counts what earlier parcels received against what is authorised', () => {
    const input = makeInput({
      lines: [{ rmaLineId: 'l1', sku: 'SHIRT', authorised: 2, open: 1, unitPriceMinor: 2000 }],
    });
    const one = { sku: 'SHIRT', quantity: 1, grade: 'A' as const, match: 'expected' as const };
    expect(computeRefund({ ...input, items: [one] })).toMatchObject({
      ok: true,
      refund: { totalMinor: 2000, receivedPerLine: { l1: 1 } },
    });
    expect(computeRefund({ ...input, items: [{ ...one, quantity: 2 }] })).toEqual({
      ok: false,
      code: 'above_authorised',
      message:
        '2 × SHIRT received as expected, but the RMA awaits 1 of the 2 it authorises (1 arrived in earlier parcels): mark the rest as extra.',
      refusal: {
        code: 'receipt_above_authorised',
        params: { sku: 'SHIRT', received: 2, awaited: 1, authorised: 2 },
      },
    });
  });

  it('refuses an expected item that is not on the RMA', () => {
    expect(
      computeRefund(
        makeInput({ items: [{ sku: 'SOCKS', quantity: 1, grade: 'A', match: 'expected' }] }),
      ),
    ).toMatchObject({ ok: false, code: 'not_on_rma' });
  });

  it('refuses a refund above what is left of the paid amount after earlier refunds', () => {
    const outcome = computeRefund(
      makeInput({
        refundedBeforeMinor: 6000,
        items: [{ sku: 'BELT', quantity: 1, grade: 'A', match: 'expected' }],
      }),
    );
    expect(outcome).toMatchObject({
      ok: false,
      code: 'above_paid',
      message: expect.stringContaining(
        "30.00 EUR would exceed what is left of the order's paid amount (14.95 EUR of 74.95 EUR)",
      ),
      refusal: {
        code: 'receipt_above_paid',
        params: { refund: '30.00 EUR', left: '14.95 EUR', paid: '74.95 EUR' },
      },
    });
  });
});
