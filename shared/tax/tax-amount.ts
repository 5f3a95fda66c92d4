/** The tax in a taxed amount, in whole minor units, rounded half up (the rule the EU and our channels use). */

const roundHalfUp = (numerator: number, denominator: number) =>
  Math.floor((2 * numerator + denominator) / (2 * denominator));

/** The tax on `base` at `ppm`: added to a net base, or contained in a gross one (`included`). */
export function taxAtRate(base: number, ppm: number, included: boolean): number {
  if (!included) return roundHalfUp(base * ppm, 1_000_000);
  return base - roundHalfUp(base * 1_000_000, 1_000_000 + ppm);
}
