// Countries whose carriers need the region on an address: the United States (state) and Canada
// (province or territory), as their ISO 3166-2 subdivision codes (the postal abbreviations).
const US = [
  ...['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA'],
  ...['KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ'],
  ...['NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT'],
  ...['VA', 'WA', 'WV', 'WI', 'WY', 'DC'],
  // Outlying areas that share US postal codes; military (AA, AE, AP) addresses too.
  ...['AS', 'GU', 'MP', 'PR', 'VI', 'UM', 'AA', 'AE', 'AP'],
];
const CA = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'];

const REQUIRED_REGIONS: Readonly<Record<string, { codes: ReadonlySet<string>; what: string }>> = {
  US: { codes: new Set(US), what: 'a US state code such as NY' },
  CA: { codes: new Set(CA), what: 'a Canadian province or territory code such as ON' },
};

/** Null when the address's region is fine for its country, else the message for `region`. */
export function regionProblem(country: string, region: string | undefined): string | null {
  const rule = REQUIRED_REGIONS[country];
  if (!rule) return null;
  if (region === undefined || region.trim() === '')
    return `is required in ${country}: ${rule.what}`;
  return rule.codes.has(region.trim().toUpperCase()) ? null : `must be ${rule.what}`;
}
