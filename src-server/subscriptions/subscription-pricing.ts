// What a renewal costs. A line's unit price is the price it had at signup (plan rule `fixed`) or
// the catalogue's price today (`current`), less the plan's discount, rounded to the minor unit, in
// the channel's price basis; the VAT engine adds its tax at intake pricing, as for any order.
import type { PlanRules } from './subscription-schedule';

export interface RenewalPriceInput {
  signupUnitPriceMinor: number;
  /** The catalogue's price in the subscription's currency now; null when it has none. */
  currentUnitPriceMinor: number | null;
}

/** The unit price of a renewal line, or null when the rule needs a catalogue price there is not. */
export function renewalUnitPrice(
  plan: Pick<PlanRules, 'priceRule' | 'discountPercent'>,
  line: RenewalPriceInput,
): number | null {
  const base = plan.priceRule === 'fixed' ? line.signupUnitPriceMinor : line.currentUnitPriceMinor;
  if (base === null) return null;
  return Math.round((base * (100 - plan.discountPercent)) / 100);
}

/** What one charge asks for: a delivery, or (prepaid plans) the deliveries it pays for at once. */
export function chargeAmount(
  plan: Pick<PlanRules, 'prepaidDeliveries'>,
  deliveryTotalMinor: number,
): number {
  return deliveryTotalMinor * plan.prepaidDeliveries;
}
