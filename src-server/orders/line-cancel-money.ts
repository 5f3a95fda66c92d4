// The money of cancelling some units of an order line: the line's discount, net and tax are each
// split between the units kept and the units cancelled with allocateMinor (no cent lost or made),
// and the line total and gross are rebuilt from those parts on both sides, so each side keeps
// the identities pricePart made (net + tax = gross; the total is net + discount, plus the tax
// when prices include it). Shipping is not touched: the parcel still goes.
import { allocateMinor } from '../../shared/money/allocate';

export interface LineMoney {
  quantity: number;
  lineTotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  netMinor: number;
  grossMinor: number;
}

export interface LineCancelSplit {
  kept: LineMoney;
  cancelled: LineMoney;
}

function rebuilt(
  quantity: number,
  parts: { discountMinor: number; netMinor: number; taxMinor: number },
  pricesIncludeTax: boolean,
): LineMoney {
  const { discountMinor, netMinor, taxMinor } = parts;
  return {
    quantity,
    lineTotalMinor: netMinor + discountMinor + (pricesIncludeTax ? taxMinor : 0),
    discountMinor,
    taxMinor,
    netMinor,
    grossMinor: netMinor + taxMinor,
  };
}

/** Splits `line` (its open units and their money) when `cancelQuantity` of its units go. */
export function splitLineMoney(
  line: LineMoney,
  cancelQuantity: number,
  pricesIncludeTax: boolean,
): LineCancelSplit {
  if (!Number.isSafeInteger(cancelQuantity) || cancelQuantity < 1 || cancelQuantity > line.quantity)
    throw new RangeError(`cannot cancel ${cancelQuantity} of ${line.quantity} units`);
  const keptQuantity = line.quantity - cancelQuantity;
  const weights = [keptQuantity, cancelQuantity];
  const [keptDiscount, cancelledDiscount] = allocateMinor(line.discountMinor, weights);
  const [keptNet, cancelledNet] = allocateMinor(line.netMinor, weights);
  const [keptTax, cancelledTax] = allocateMinor(line.taxMinor, weights);
  const cancelled = rebuilt(
    cancelQuantity,
    { discountMinor: cancelledDiscount!, netMinor: cancelledNet!, taxMinor: cancelledTax! },
    pricesIncludeTax,
  );
  // The kept side is what is left, so kept + cancelled is the line exactly, field by field.
  const kept: LineMoney = {
    quantity: keptQuantity,
    lineTotalMinor: line.lineTotalMinor - cancelled.lineTotalMinor,
    discountMinor: keptDiscount!,
    taxMinor: keptTax!,
    netMinor: keptNet!,
    grossMinor: line.grossMinor - cancelled.grossMinor,
  };
  return { kept, cancelled };
}
