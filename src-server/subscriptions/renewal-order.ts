// A cycle's order as a channel would send it: the subscription's customer, address and lines,
// each line priced by the plan's rule (subscription-pricing.ts). Orders of renewal n carry the
// channel order reference `<subscription reference>-<n>`, unique per channel like any order's.
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import type { CatalogueRow } from '../orders/priced-order';
import type { TermsLine } from './subscription-change-rules';
import { renewalUnitPrice } from './subscription-pricing';
import type { PlanRules } from './subscription-schedule';
import type { Shortage, SubscriptionRow } from './subscription-schema';
import { renewalOrderRef } from './renewal-context';

export type RenewalOrder = { ok: true; order: CanonicalOrder } | { ok: false; shortage: Shortage };

export function renewalOrder(input: {
  row: SubscriptionRow;
  plan: PlanRules;
  lines: readonly TermsLine[];
  cycleNo: number;
  catalogue: ReadonlyMap<string, CatalogueRow>;
  placedAt: Date;
}): RenewalOrder {
  const { row, plan, lines, catalogue } = input;
  const priced = lines.map((line) => {
    const product = catalogue.get(line.sku);
    const unitPriceMinor = product
      ? renewalUnitPrice(plan, {
          signupUnitPriceMinor: line.signupUnitPriceMinor,
          currentUnitPriceMinor: product.unit_price_minor,
        })
      : null;
    return { line, unitPriceMinor };
  });
  const unpriced = priced.filter((p) => p.unitPriceMinor === null);
  if (unpriced.length > 0) {
    return {
      ok: false,
      shortage: {
        reason: 'unavailable',
        lines: unpriced.map(({ line }) => ({ sku: line.sku, quantity: line.quantity })),
        message: `No ${row.currency} price for ${unpriced.map(({ line }) => line.sku).join(', ')}.`,
      },
    };
  }
  return {
    ok: true,
    order: {
      channelOrderRef: renewalOrderRef(row.reference, input.cycleNo),
      placedAt: input.placedAt.toISOString(),
      currency: row.currency as CanonicalOrder['currency'],
      customer: row.customer,
      shipTo: row.ship_to as CanonicalOrder['shipTo'],
      lines: priced.map(({ line, unitPriceMinor }) => ({
        sku: line.sku,
        quantity: line.quantity,
        unitPriceMinor: unitPriceMinor!,
      })),
    },
  };
}
