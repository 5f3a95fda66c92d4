import { z } from 'zod';
import { gs1CheckDigit, hasValidGs1CheckDigit } from './check-digit';
import { takeSerial, type SerialRange } from './serial-range';

/**
 * SSCC (GS1 General Specifications §2.2.1): extension digit + GS1 company prefix + serial
 * reference, 17 digits in all, then the mod-10 check digit. A longer company prefix leaves fewer
 * digits for the serial, so a prefix's capacity is 10^(16 - prefix length).
 */
export const ssccConfigSchema = z.object({
  companyPrefix: z.string().regex(/^\d{7,10}$/, 'companyPrefix must be 7 to 10 digits'),
  extensionDigit: z.number().int().min(0).max(9),
});
export type SsccConfig = z.infer<typeof ssccConfigSchema>;

/** How many distinct serial references a company prefix allows (serials 0 … capacity − 1). */
export function ssccSerialCapacity(companyPrefix: string): number {
  return 10 ** serialDigits(companyPrefix);
}

/** Builds the 18-digit SSCC; refuses a serial that does not fit the prefix's serial digits. */
export function buildSscc(config: SsccConfig, serialReference: number): string {
  const { companyPrefix, extensionDigit } = ssccConfigSchema.parse(config);
  const capacity = ssccSerialCapacity(companyPrefix);
  if (
    !Number.isSafeInteger(serialReference) ||
    serialReference < 0 ||
    serialReference >= capacity
  ) {
    throw new RangeError(
      `SSCC serial reference ${serialReference} does not fit company prefix ${companyPrefix} (0 to ${capacity - 1})`,
    );
  }
  const body = `${extensionDigit}${companyPrefix}${String(serialReference).padStart(serialDigits(companyPrefix), '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** Numbers the next carton from a leased serial range; the range comes back advanced. */
export function takeSscc<R extends SerialRange>(
  config: SsccConfig,
  range: R,
): { sscc: string; range: R } {
  const taken = takeSerial(range);
  return { sscc: buildSscc(config, taken.serial), range: taken.range };
}

/** True for exactly 18 digits with a correct GS1 check digit. */
export function isValidSscc(value: string): boolean {
  return /^\d{18}$/.test(value) && hasValidGs1CheckDigit(value);
}

/** Schema for an SSCC arriving from outside (scan, sync, API). */
export const ssccSchema = z
  .string()
  .refine(isValidSscc, 'sscc must be 18 digits with a valid GS1 check digit');

/**
 * Human-readable line under the SSCC barcode: "(00) " then the 18 digits. Grouping the digits
 * would need the prefix length, which a reader of the label does not know, so they stay together.
 */
export function ssccHumanReadable(sscc: string): string {
  return `(00) ${sscc}`;
}

function serialDigits(companyPrefix: string): number {
  return 16 - companyPrefix.length;
}
