// Known demand: units already promised for future days (subscription renewals, accepted B2B
// quotes not yet shipped). It is taken out of the history before forecasting and added to the
// forecast after, so it is not forecast twice. Neither subscriptions nor quotes exist on main
// yet: this is the seam they plug into; until then nothing is known in advance.
export interface KnownDemandSource {
  /**
   * Units known per day for [start, start + days) per SKU × warehouse; a missing series or day
   * is zero. Called for the history (demand that was known, to take out) and for the horizon.
   */
  unitsPerDay(
    series: readonly { sku: string; warehouseCode: string }[],
    start: string,
    days: number,
  ): Promise<Map<string, Float64Array>>;
}

export const seriesKey = (sku: string, warehouseCode: string) => `${sku}\u0000${warehouseCode}`;

export const noKnownDemand: KnownDemandSource = {
  unitsPerDay: async () => new Map(),
};
