/**
 * Number formats shared by the templates: no grouping, a fixed number of decimals and the
 * label language's decimal separator ("." by default, "," on a Dutch label).
 */

/** Grams as a kilogram number, e.g. 1250 → "1.25". */
export function formatKg(grams: number, decimals = 2, decimal = '.'): string {
  return (grams / 1000).toFixed(decimals).replace('.', decimal);
}

export function formatWeightKg(grams: number, decimals = 2, decimal = '.'): string {
  return `${formatKg(grams, decimals, decimal)} kg`;
}

/** Minor units (cents) to "12.50", with the currency's own number of decimals (JPY has none). */
export function formatAmount(valueMinor: number, currency: string, decimal = '.'): string {
  const decimals =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return (valueMinor / 10 ** decimals).toFixed(decimals).replace('.', decimal);
}

export function formatMoney(valueMinor: number, currency: string, decimal = '.'): string {
  return `${formatAmount(valueMinor, currency, decimal)} ${currency}`;
}

/** Splits items into pages of `perPage`; always at least one page. */
export function paginate<T>(items: readonly T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += perPage) pages.push(items.slice(i, i + perPage));
  return pages.length ? pages : [[]];
}
