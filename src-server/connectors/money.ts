// Channel platforms send money as decimal strings ("199.95") or floats (Magento's 199.95).
// Convert to integer minor units without floating-point arithmetic on the digits.
const DECIMAL = /^(\d{1,12})(?:\.(\d{1,4}))?$/;

/** "19.9" → 199000: a plain non-negative decimal in ten-thousandths; null when it is not one. */
export function decimalToTenThousandths(value: string | number): number | null {
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(4) : '') : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  return Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
}

/** "19.9" → 1990 (two-decimal currencies); null when the value is not a plain non-negative amount. */
export function decimalToMinor(value: string | number): number | null {
  const tenThousandths = decimalToTenThousandths(value);
  // Round half up at the cent: 0.005 → 1 cent.
  return tenThousandths === null ? null : Math.round(tenThousandths / 100);
}

const FRACTION = /^(0|1)(?:\.(\d{1,8}))?$/;

/**
 * A tax rate sent as a fraction (Shopify's 0.21) → percent with at most 4 decimals (21), without
 * floating-point drift; null when it is not a fraction between 0 and 1.
 */
export function fractionToPercent(value: string | number): number | null {
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(8) : '') : value.trim();
  const match = FRACTION.exec(text);
  if (!match) return null;
  const ppm =
    Number(match[1]) * 1_000_000 + Math.round(Number((match[2] ?? '').padEnd(8, '0')) / 100);
  return ppm > 1_000_000 ? null : ppm / 10_000;
}
