// Regions (state, province, prefecture) where the destination's post requires one, with the valid
// ones, from Google's libaddressinput metadata (shared/addresses/address-data.ts, generated): US
// states, Canadian provinces, Australian states, Italian and Spanish provinces, Japanese
// prefectures, Brazilian states, Chinese provinces and others. A missing region that the postal
// code decides (libaddressinput's per-region postal prefixes) is filled in, not refused.
import type { AddressRegion } from '../addresses/address-rules';
import { COUNTRY_ADDRESS_RULES } from '../addresses/address-data';
import { foldPlaceName } from '../addresses/place-names';
import { normalizePostalCode } from './postal-codes';

const fold = foldPlaceName;

/** The regions of `country` when its post requires one, else undefined. */
export function requiredRegions(country: string): readonly AddressRegion[] | undefined {
  const rules = COUNTRY_ADDRESS_RULES[country];
  return rules?.require?.includes('S') ? rules.regions : undefined;
}

/** The region `text` names (its code, ISO code, or local or Latin name; any case and accents). */
export function findRegion(country: string, text: string | undefined): AddressRegion | undefined {
  const regions = COUNTRY_ADDRESS_RULES[country]?.regions;
  if (!regions || text === undefined || text.trim() === '') return undefined;
  const wanted = fold(text);
  return regions.find((r) =>
    [r.key, r.iso, r.name, r.lname].some((v) => v !== undefined && fold(v) === wanted),
  );
}

const zipPatterns = new Map<string, RegExp>();
/** The one region whose postal codes begin like `postalCode`, if exactly one does. */
export function regionOfPostalCode(country: string, postalCode: string): AddressRegion | undefined {
  const regions = COUNTRY_ADDRESS_RULES[country]?.regions;
  if (!regions) return undefined;
  const code = normalizePostalCode(country, postalCode);
  const hits = regions.filter((r) => {
    if (r.zip === undefined) return false;
    const key = `${country}/${r.key}`;
    let pattern = zipPatterns.get(key);
    if (!pattern) zipPatterns.set(key, (pattern = new RegExp(`^(?:${r.zip})`)));
    return pattern.test(code);
  });
  return hits.length === 1 ? hits[0] : undefined;
}

const writesCodes = new Map<string, boolean>();
/** True where the post writes the region's code (US "NY", IT "MI"): most codes are ISO 3166-2's. */
function countryWritesCodes(country: string): boolean {
  let codes = writesCodes.get(country);
  if (codes === undefined) {
    const regions = COUNTRY_ADDRESS_RULES[country]?.regions ?? [];
    codes = regions.filter((r) => r.key === r.iso).length * 2 > regions.length;
    writesCodes.set(country, codes);
  }
  return codes;
}

/** How the region is written on the address: its code where the post writes codes, else its name. */
export function regionLabel(country: string, region: AddressRegion, latin = true): string {
  if (countryWritesCodes(country)) return region.key;
  return (latin ? region.lname : undefined) ?? region.name ?? region.key;
}

/**
 * The region to store: a known one as the post writes it ("new york" → "NY"), a missing one the
 * postal code decides, else what was given, trimmed.
 */
export function normalizeRegion(
  country: string,
  region: string | undefined,
  postalCode: string,
): string | undefined {
  const known = findRegion(country, region);
  if (known) return countryWritesCodes(country) ? known.key : region!.trim();
  if (region !== undefined && region.trim() !== '') return region.trim();
  if (!requiredRegions(country)) return region;
  const derived = regionOfPostalCode(country, postalCode);
  return derived ? regionLabel(country, derived) : region;
}

/** Null when the address's region is fine for its country, else the message for `region`. */
export function regionProblem(
  country: string,
  region: string | undefined,
  postalCode?: string,
): string | null {
  const regions = requiredRegions(country);
  if (!regions) return null;
  const examples = `${regions
    .slice(0, 3)
    .map((r) => regionLabel(country, r))
    .join(', ')} …`;
  if (region === undefined || region.trim() === '') {
    if (postalCode !== undefined && regionOfPostalCode(country, postalCode)) return null;
    return `is required in ${country}: one of its ${regions.length} regions (${examples})`;
  }
  return findRegion(country, region)
    ? null
    : `${region} is not a region of ${country}: one of its ${regions.length} regions (${examples})`;
}
