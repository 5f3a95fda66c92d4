import { formatAddress } from '../addresses/format-address';
import type { LabelAddress } from './label-data';

const englishNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** The country's English name in capitals, as customs forms and international labels write it. */
export function countryName(code: string): string {
  try {
    return (englishNames.of(code) ?? code).toUpperCase();
  } catch {
    return code;
  }
}

/**
 * Address lines for a label or slip, in the destination's own layout (shared/addresses). The
 * country line appears only when the parcel crosses a border, and then last, in capitals.
 */
export function formatAddressLines(address: LabelAddress, originCountry?: string): string[] {
  return formatAddress(
    {
      name: address.name,
      company: address.company,
      streetLines: [address.street, address.street2],
      postalCode: address.postalCode,
      city: address.city,
      region: address.region,
      country: address.country,
    },
    { originCountry },
  );
}
