// The one seam where quotes get their VAT. The VAT engine (branch `tax`, shared/tax/vat-engine.ts)
// is not merged yet; until it is, this applies the rule B2B quotes need most: the seller's
// standard rate at home, reverse charge (0 %, the buyer accounts for it) for an EU business buyer
// with a VAT number in another member state, and 0 % for exports outside the EU.
import { EU_MEMBER_STATES } from '../../../shared/labels/customs';
import type { VatLine } from '../b2b-schema';

export interface VatParties {
  sellerCountry: string;
  buyerCountry: string;
  buyerVatNumber: string | null;
}

/** The seller's standard rate (percent) until the VAT engine gives rates per country. */
const SELLER_STANDARD_RATE: Record<string, number> = { NL: 21, BE: 21 };

export function vatTreatment(parties: VatParties): { ratePercent: number; reverseCharge: boolean } {
  const home = parties.buyerCountry === parties.sellerCountry;
  if (!home && !EU_MEMBER_STATES.has(parties.buyerCountry))
    return { ratePercent: 0, reverseCharge: false };
  if (!home && parties.buyerVatNumber !== null) return { ratePercent: 0, reverseCharge: true };
  return { ratePercent: SELLER_STANDARD_RATE[parties.sellerCountry] ?? 21, reverseCharge: false };
}

/** VAT on a net amount at a whole-percent rate, rounded half up to the cent (per rate total). */
export function vatOn(netMinor: number, ratePercent: number): number {
  return Math.floor((netMinor * ratePercent + 50) / 100);
}

/**
 * The VAT of amounts taxed part by part (lines, shipping), each rounded on its own as the order
 * intake rounds (order-money.ts), so a quote, its order and its invoices agree to the cent.
 */
export function vatBreakdown(partNetsMinor: readonly number[], parties: VatParties): VatLine[] {
  const { ratePercent, reverseCharge } = vatTreatment(parties);
  const netMinor = partNetsMinor.reduce((sum, n) => sum + n, 0);
  const taxMinor = partNetsMinor.reduce((sum, n) => sum + vatOn(n, ratePercent), 0);
  return [{ ratePercent, netMinor, taxMinor, reverseCharge }];
}
