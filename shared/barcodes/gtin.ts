import { gs1CheckDigit, hasValidGs1CheckDigit } from '../gs1/check-digit';
import type { GtinSymbology, ScanError } from './scan-result';

const symbologyByLength: Record<number, GtinSymbology> = {
  8: 'ean-8',
  12: 'upc-a',
  13: 'ean-13',
  14: 'gtin-14',
};

export type GtinParse =
  { ok: true; gtin14: string; symbology: GtinSymbology } | ({ ok: false } & ScanError);

/** True for a digit string of a GTIN length (8, 12, 13 or 14), whatever its check digit. */
export function hasGtinLength(digits: string): boolean {
  return /^\d+$/.test(digits) && digits.length in symbologyByLength;
}

/**
 * Reads an EAN-8, UPC-A, EAN-13 or GTIN-14 and normalises it to GTIN-14. Left-padding with zeros
 * keeps the check digit valid because GS1 weights count from the right.
 */
export function parseGtin(digits: string): GtinParse {
  const symbology = symbologyByLength[digits.length];
  if (!/^\d+$/.test(digits) || symbology === undefined) {
    return {
      ok: false,
      code: 'invalid-characters',
      message: `A GTIN has 8, 12, 13 or 14 digits; got "${digits}"`,
    };
  }
  if (!hasValidGs1CheckDigit(digits)) {
    return { ok: false, ...checkDigitError('GTIN', digits) };
  }
  return { ok: true, gtin14: digits.padStart(14, '0'), symbology };
}

/** The error for a GS1 key whose last digit is wrong, naming the digit it should have been. */
export function checkDigitError(keyName: string, digits: string): ScanError {
  const expected = gs1CheckDigit(digits.slice(0, -1));
  return {
    code: 'bad-check-digit',
    message: `${keyName} ${digits} has check digit ${digits.slice(-1)}, expected ${expected}`,
  };
}
