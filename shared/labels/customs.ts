/** EU member states (2025), whose mutual shipments need no customs declaration. Greece is GR in ISO 3166. */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

/**
 * Parts of member states that lie outside the EU customs or VAT territory, found by postal-code
 * prefix (Canary Islands, Ceuta, Melilla, French overseas departments, Åland, Heligoland,
 * Büsingen, Livigno, Campione d'Italia). Parcels to or from them need a declaration.
 */
const OUTSIDE_EU_FISCAL_TERRITORY: Record<string, readonly string[]> = {
  ES: ['35', '38', '51', '52'],
  FR: ['971', '972', '973', '974', '976'],
  FI: ['22'],
  DE: ['27498', '78266'],
  IT: ['23041', '22061'],
};

function insideEuTerritory(country: string, postalCode: string | undefined): boolean {
  if (!EU_MEMBER_STATES.has(country)) return false;
  const compact = postalCode?.replace(/\s/g, '') ?? '';
  if (!compact) return true;
  return !(OUTSIDE_EU_FISCAL_TERRITORY[country] ?? []).some((prefix) => compact.startsWith(prefix));
}

export interface CustomsPostalCodes {
  fromPostalCode?: string;
  toPostalCode?: string;
}

/**
 * True when the parcel needs a CN22/CN23: it leaves or enters the EU territory. Within one
 * country no declaration is needed; pass postal codes to catch the special territories above.
 */
export function needsCustomsDeclaration(
  fromCountry: string,
  toCountry: string,
  postalCodes: CustomsPostalCodes = {},
): boolean {
  const fromInside = insideEuTerritory(fromCountry, postalCodes.fromPostalCode);
  const toInside = insideEuTerritory(toCountry, postalCodes.toPostalCode);
  if (fromInside && toInside) return false;
  if (!fromInside && !toInside) return fromCountry !== toCountry;
  return true;
}
