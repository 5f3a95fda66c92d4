/**
 * GS1 mod-10 check digit (GS1 General Specifications §7.9): from the right, digits are weighted
 * 3, 1, 3, 1, ...; the check digit brings the weighted sum to a multiple of ten.
 * Serves GTIN-8/12/13/14, SSCC (18 digits) and GLN alike.
 */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d+$/.test(digitsWithoutCheck)) {
    throw new Error(`GS1 check digit needs digits only, got "${digitsWithoutCheck}"`);
  }
  let sum = 0;
  for (let i = digitsWithoutCheck.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += Number(digitsWithoutCheck[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when the last digit of `digits` is the correct GS1 check digit for the rest. */
export function hasValidGs1CheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  return gs1CheckDigit(digits.slice(0, -1)) === Number(digits.slice(-1));
}
