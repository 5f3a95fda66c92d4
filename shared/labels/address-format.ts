import type { LabelAddress } from './label-data';

/** English country names for the last line of an international address (UPU: capitals, last line). */
const COUNTRY_NAMES: Record<string, string> = {
  AT: 'AUSTRIA',
  BE: 'BELGIUM',
  CH: 'SWITZERLAND',
  CZ: 'CZECHIA',
  DE: 'GERMANY',
  DK: 'DENMARK',
  ES: 'SPAIN',
  FI: 'FINLAND',
  FR: 'FRANCE',
  GB: 'UNITED KINGDOM',
  IE: 'IRELAND',
  IT: 'ITALY',
  LU: 'LUXEMBOURG',
  NL: 'NETHERLANDS',
  NO: 'NORWAY',
  PL: 'POLAND',
  PT: 'PORTUGAL',
  SE: 'SWEDEN',
  US: 'UNITED STATES',
  CA: 'CANADA',
  AU: 'AUSTRALIA',
  JP: 'JAPAN',
  CN: 'CHINA',
};

export function countryName(code: string): string {
  return COUNTRY_NAMES[code] ?? code;
}

/** Dutch postcodes print as "1234 AB" whatever the customer typed. */
function dutchPostalCode(postalCode: string): string {
  const match = /^(\d{4})\s*([A-Za-z]{2})$/.exec(postalCode.trim());
  return match ? `${match[1]} ${match[2]?.toUpperCase()}` : postalCode.toUpperCase();
}

/** The line(s) after the street, in the order the destination's postal service sorts by. */
function localityLines(address: LabelAddress): string[] {
  const { postalCode, city, region } = address;
  switch (address.country) {
    case 'NL':
      // PostNL: postcode, two spaces, place name in capitals.
      return [`${dutchPostalCode(postalCode)}  ${city.toUpperCase()}`];
    case 'BE':
    case 'FR':
      return [`${postalCode} ${city.toUpperCase()}`];
    case 'DE':
      return [`${postalCode} ${city}`];
    case 'GB':
      // Royal Mail: post town in capitals, then the postcode on its own line.
      return [city.toUpperCase(), postalCode.toUpperCase()];
    case 'US':
      // USPS: city, state abbreviation and ZIP on one line, capitals, no punctuation needed.
      return [[city.toUpperCase(), region?.toUpperCase(), postalCode].filter(Boolean).join(' ')];
    default:
      return region ? [`${postalCode} ${city}`, region] : [`${postalCode} ${city}`];
  }
}

/**
 * Address lines for a label. The country line appears only when the parcel crosses a border,
 * and then last, in capitals.
 */
export function formatAddressLines(address: LabelAddress, originCountry?: string): string[] {
  const lines = [address.name];
  if (address.company) lines.push(address.company);
  lines.push(address.street);
  if (address.street2) lines.push(address.street2);
  lines.push(...localityLines(address));
  if (originCountry !== undefined && originCountry !== address.country)
    lines.push(countryName(address.country));
  return lines;
}
