// Channel platforms send money as decimal strings ("199.95") or floats (Magento's 199.95).
// Convert to integer minor units without floating-point arithmetic on the digits.
const DECIMAL = /^(\d{1,12})(?:\.(\d{1,4}))?$/;

/** "19.9" → 1990 (two-decimal currencies); null when the value is not a plain non-negative amount. */
export function decimalToMinor(value: string | number): number | null {
  const text =
    typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(4) : '') : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(4, '0');
  const tenThousandths = Number(match[1]) * 10_000 + Number(fraction);
  // Round half up at the cent: 0.005 → 1 cent.
  return Math.round(tenThousandths / 100);
}
