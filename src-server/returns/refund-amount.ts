// What a parcel of a return is worth: its received, graded units that the RMA still awaits, at
// the order's prices, less the restocking fee of their grade, plus the original shipping charge
// (once per order) for reasons that are the retailer's fault; never more than what is left of the
// order's paid amount after earlier refunds.
import { formatMoney } from '../../shared/labels/label-format';
import { reason, type Reason } from '../../shared/reasons/reason';
import type { ReturnReason } from '../../shared/returns/rma-state';
import type { ReturnGrade, ReturnItem } from '../../shared/sync/documents';

export interface AuthorisedLine {
  rmaLineId: string;
  sku: string;
  /** Units the RMA line authorises. */
  authorised: number;
  /** Units authorised and not received yet (by earlier parcels). */
  open: number;
  unitPriceMinor: number;
}

export interface RefundInput {
  lines: readonly AuthorisedLine[];
  items: readonly Pick<ReturnItem, 'sku' | 'quantity' | 'grade' | 'match'>[];
  reason: ReturnReason;
  feePercent: Record<ReturnGrade, number>;
  shippingRefundReasons: readonly ReturnReason[];
  shippingChargedMinor: number;
  /** An earlier refund of this order already gave the shipping charge back. */
  shippingAlreadyRefunded: boolean;
  paidMinor: number;
  refundedBeforeMinor: number;
  currency: string;
}

export interface RefundLine {
  rmaLineId: string;
  sku: string;
  quantity: number;
  grade: ReturnGrade;
  unitPriceMinor: number;
  feePercent: number;
  feeMinor: number;
}

export interface RefundBreakdown {
  lines: RefundLine[];
  itemsMinor: number;
  feesMinor: number;
  shippingMinor: number;
  totalMinor: number;
  /** Units received per RMA line. */
  receivedPerLine: Record<string, number>;
}

export type RefundOutcome =
  | { ok: true; refund: RefundBreakdown }
  | {
      ok: false;
      code: 'not_on_rma' | 'above_authorised' | 'above_paid';
      message: string;
      refusal: Reason;
    };

export function computeRefund(input: RefundInput): RefundOutcome {
  const open = new Map(input.lines.map((l) => [l.rmaLineId, l.open]));
  const lines: RefundLine[] = [];
  for (const item of input.items.filter((i) => i.match === 'expected')) {
    const candidates = input.lines.filter((l) => l.sku === item.sku);
    if (candidates.length === 0) {
      return {
        ok: false,
        code: 'not_on_rma',
        message: `${item.sku} is not on this RMA: mark it as a wrong item.`,
        refusal: reason('receipt_not_on_rma', { sku: item.sku }),
      };
    }
    let left = item.quantity;
    for (const line of candidates) {
      const take = Math.min(left, open.get(line.rmaLineId) ?? 0);
      if (take === 0) continue;
      open.set(line.rmaLineId, (open.get(line.rmaLineId) ?? 0) - take);
      left -= take;
      const feePercent = input.feePercent[item.grade];
      const feeMinor = Math.round((take * line.unitPriceMinor * feePercent) / 100);
      lines.push({
        rmaLineId: line.rmaLineId,
        sku: item.sku,
        quantity: take,
        grade: item.grade,
        unitPriceMinor: line.unitPriceMinor,
        feePercent,
        feeMinor,
      });
    }
    if (left > 0) {
      const open = candidates.reduce((n, l) => n + l.open, 0);
      const authorised = candidates.reduce((n, l) => n + l.authorised, 0);
      const expected = input.items
        .filter((i) => i.match === 'expected' && i.sku === item.sku)
        .reduce((n, i) => n + i.quantity, 0);
      const earlier =
        authorised === open ? '' : ` (${authorised - open} arrived in earlier parcels)`;
      return {
        ok: false,
        code: 'above_authorised',
        message: `${expected} × ${item.sku} received as expected, but the RMA awaits ${open} of the ${authorised} it authorises${earlier}: mark the rest as extra.`,
        refusal: reason('receipt_above_authorised', {
          sku: item.sku,
          received: expected,
          awaited: open,
          authorised,
        }),
      };
    }
  }
  const itemsMinor = lines.reduce((n, l) => n + l.quantity * l.unitPriceMinor, 0);
  const feesMinor = lines.reduce((n, l) => n + l.feeMinor, 0);
  const shippingMinor =
    lines.length > 0 &&
    input.shippingRefundReasons.includes(input.reason) &&
    !input.shippingAlreadyRefunded
      ? input.shippingChargedMinor
      : 0;
  const totalMinor = itemsMinor - feesMinor + shippingMinor;
  const left = input.paidMinor - input.refundedBeforeMinor;
  if (totalMinor > left) {
    return {
      ok: false,
      code: 'above_paid',
      message: `The refund of ${formatMoney(totalMinor, input.currency)} would exceed what is left of the order's paid amount (${formatMoney(left, input.currency)} of ${formatMoney(input.paidMinor, input.currency)}); customer service must review it.`,
      refusal: reason('receipt_above_paid', {
        refund: formatMoney(totalMinor, input.currency),
        left: formatMoney(left, input.currency),
        paid: formatMoney(input.paidMinor, input.currency),
      }),
    };
  }
  const receivedPerLine: Record<string, number> = {};
  for (const l of lines)
    receivedPerLine[l.rmaLineId] = (receivedPerLine[l.rmaLineId] ?? 0) + l.quantity;
  return {
    ok: true,
    refund: { lines, itemsMinor, feesMinor, shippingMinor, totalMinor, receivedPerLine },
  };
}
