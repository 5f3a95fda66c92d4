/**
 * UPU S10 item identifiers, e.g. AA123456785NL: two-letter service indicator, eight-digit serial,
 * a mod-11 check digit, and the ISO country code of the issuing operator.
 *
 * Why S10 for the own carrier rather than GS1 mod-10: postal and parcel sorters already read this
 * shape, and its weighted mod-11 catches every single-digit error and every swap of neighbouring
 * digits (GS1 mod-10 misses swaps such as 0↔5).
 */
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
export const S10_SERIAL_CAPACITY = 100_000_000;
const S10_PATTERN = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

export function s10CheckDigit(serialDigits: string): number {
  if (!/^\d{8}$/.test(serialDigits))
    throw new Error(`S10 serial must be 8 digits, got "${serialDigits}"`);
  const sum = S10_WEIGHTS.reduce((total, weight, i) => total + weight * Number(serialDigits[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

export function buildS10TrackingNumber(
  serviceIndicator: string,
  serial: number,
  countryCode: string,
): string {
  if (!/^[A-Z]{2}$/.test(serviceIndicator))
    throw new Error(`S10 service indicator must be two capital letters, got "${serviceIndicator}"`);
  if (!/^[A-Z]{2}$/.test(countryCode))
    throw new Error(`S10 country code must be two capital letters, got "${countryCode}"`);
  if (!Number.isSafeInteger(serial) || serial < 0 || serial >= S10_SERIAL_CAPACITY) {
    throw new RangeError(`S10 serial ${serial} is outside 0 to ${S10_SERIAL_CAPACITY - 1}`);
  }
  const digits = String(serial).padStart(8, '0');
  return `${serviceIndicator}${digits}${s10CheckDigit(digits)}${countryCode}`;
}

/** True when the value has the S10 shape and its check digit matches. */
export function isValidS10TrackingNumber(value: string): boolean {
  const match = S10_PATTERN.exec(value);
  if (!match) return false;
  return s10CheckDigit(match[2] ?? '') === Number(match[3]);
}
