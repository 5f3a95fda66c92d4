// The order's VAT per rate as the back office lists it: net + VAT = gross per rate, and the totals.
export interface OrderTaxRate {
  ratePercent: number | null;
  netMinor: number;
  taxMinor: number;
}

export interface OrderVatRow extends OrderTaxRate {
  grossMinor: number;
}

export function orderVatRows(breakdown: readonly OrderTaxRate[]): {
  rows: OrderVatRow[];
  total: Omit<OrderVatRow, 'ratePercent'>;
} {
  const rows = breakdown.map((r) => ({ ...r, grossMinor: r.netMinor + r.taxMinor }));
  const total = rows.reduce(
    (sum, r) => ({
      netMinor: sum.netMinor + r.netMinor,
      taxMinor: sum.taxMinor + r.taxMinor,
      grossMinor: sum.grossMinor + r.grossMinor,
    }),
    { netMinor: 0, taxMinor: 0, grossMinor: 0 },
  );
  return { rows, total };
}
