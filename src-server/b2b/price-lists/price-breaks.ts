// Contract prices: a price list holds, per SKU, quantity breaks ("from 10 units: 9.50"), and is
// valid between two dates. A line's price is the break with the largest minimum quantity the
// line reaches, on a day the list is valid; otherwise the list has no price for it.
export interface PriceBreak {
  sku: string;
  minQuantity: number;
  unitPriceMinor: number;
}

export interface PriceListTerms {
  id: string;
  name: string;
  currency: string;
  /** YYYY-MM-DD, inclusive; null: open-ended. */
  validFrom: string | null;
  validTo: string | null;
}

export interface ContractPrice {
  unitPriceMinor: number;
  /** Where the price came from, kept on the quote line: `price_list:<name>:from <n>`. */
  source: string;
}

export function priceListValidOn(list: PriceListTerms, day: string): boolean {
  return (
    (list.validFrom === null || list.validFrom <= day) &&
    (list.validTo === null || day <= list.validTo)
  );
}

/** The contract price of `quantity` units of `sku` on `day`, or null when the list has none. */
export function contractPrice(
  list: PriceListTerms,
  breaks: readonly PriceBreak[],
  sku: string,
  quantity: number,
  day: string,
): ContractPrice | null {
  if (!priceListValidOn(list, day)) return null;
  let best: PriceBreak | null = null;
  for (const b of breaks) {
    if (b.sku !== sku || b.minQuantity > quantity) continue;
    if (best === null || b.minQuantity > best.minQuantity) best = b;
  }
  if (best === null) return null;
  return {
    unitPriceMinor: best.unitPriceMinor,
    source: `price_list:${list.name}:from ${best.minQuantity}`,
  };
}

/** A line's amount in minor units: exact integer arithmetic, no rounding anywhere. */
export function lineAmountMinor(unitPriceMinor: number, quantity: number, discountMinor = 0) {
  return unitPriceMinor * quantity - discountMinor;
}
