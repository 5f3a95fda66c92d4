// An order's VAT record after units of its lines are cancelled: each cut line's engine part is
// split between kept and cancelled units as the line's own money is (allocateMinor by units, so
// an engine-taxed order's breakdown still sums to its tax and total to the cent), and the
// breakdown and totals are rebuilt from the parts. Shipping is not touched: the parcel still goes.
import { allocateMinor } from '../../shared/money/allocate';
import { breakdownOf } from '../../shared/tax';
import type { OrderVatRecord } from './tax-schema';

export interface LineCut {
  /** The line's position in the order (and in the decision's parts), from 0. */
  index: number;
  keptQuantity: number;
  cancelQuantity: number;
}

export function vatAfterLineCancel(
  record: OrderVatRecord,
  cuts: readonly LineCut[],
): OrderVatRecord {
  const lines = record.decision.lines.map((part) => ({ ...part }));
  for (const cut of cuts) {
    const part = lines[cut.index];
    if (!part) continue;
    const weights = [cut.keptQuantity, cut.cancelQuantity];
    const [keptNet] = allocateMinor(part.netMinor, weights);
    const [keptTax] = allocateMinor(part.taxMinor, weights);
    lines[cut.index] = {
      ...part,
      netMinor: keptNet!,
      taxMinor: keptTax!,
      grossMinor: keptNet! + keptTax!,
    };
  }
  const all = [...lines, record.decision.shipping];
  const total = (pick: (p: (typeof all)[number]) => number) => all.reduce((a, p) => a + pick(p), 0);
  return {
    ...record,
    decision: {
      ...record.decision,
      lines,
      breakdown: breakdownOf(all),
      netMinor: total((p) => p.netMinor),
      taxMinor: total((p) => p.taxMinor),
      grossMinor: total((p) => p.grossMinor),
    },
  };
}
