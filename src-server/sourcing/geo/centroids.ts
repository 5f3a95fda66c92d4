/**
 * The offline geocoding tables sourcing falls back on when an order carries no coordinates:
 * postcode-area centroids (US, DE, FR from data sets; NL, BE, DE hand-placed), places (NL, BE,
 * GB, LU), regions (where the post requires one), else country centroids.
 */
import { BE_POSTAL2_CENTROIDS } from './be-postal-centroids';
import { DE_LEITREGION_CENTROIDS } from './de-postal-centroids';
import { NL_PC2_CENTROIDS } from './nl-postal-centroids';

import { COUNTRY_CENTROIDS as CHOSEN_CENTROIDS } from './country-centroids';
import { foldPlaceName } from '../../../shared/addresses/place-names';
import { isPostalCodeOf } from '../../../shared/validation/postal-codes';
import {
  PLACE_CENTROIDS,
  POSTAL_PREFIX_CENTROIDS,
  REGION_CENTROIDS,
} from './postal-centroids.generated';
import worldCountries from 'world-countries';

/**
 * Our chosen centroids (where people live, for the countries we ship to most), else the
 * `latlng` of world-countries 5.1 (mledoze/countries, ODbL 1.0): every other ISO 3166-1 country.
 */
export const COUNTRY_CENTROIDS: Readonly<Record<string, readonly [number, number]>> = {
  ...Object.fromEntries(
    worldCountries.map((c) => [c.cca2, [c.latlng[0], c.latlng[1]] as const] as const),
  ),
  ...CHOSEN_CENTROIDS,
};

export interface PostalCentroidTable {
  /** The postcode's shape once spaces are removed and letters upper-cased. */
  format: RegExp;
  /** How many leading characters pick the centroid. */
  prefixLength: number;
  centroids: Readonly<Record<string, readonly [number, number]>>;
}

export const POSTAL_CENTROIDS: Readonly<Record<string, PostalCentroidTable>> = {
  NL: { format: /^[1-9]\d{3}([A-Z]{2})?$/, prefixLength: 2, centroids: NL_PC2_CENTROIDS },
  BE: { format: /^[1-9]\d{3}$/, prefixLength: 2, centroids: BE_POSTAL2_CENTROIDS },
  DE: { format: /^\d{5}$/, prefixLength: 2, centroids: DE_LEITREGION_CENTROIDS },
};

type Decoded = ReadonlyMap<string, readonly [number, number]>;
const decoded = new Map<string, Decoded>();
/** The generated tables are "key:lat,lon;…" strings (small in the repository); parsed once. */
function decode(cacheKey: string, table: string | undefined): Decoded | undefined {
  if (table === undefined) return undefined;
  let map = decoded.get(cacheKey);
  if (!map) {
    map = new Map(
      table.split(';').map((entry) => {
        const at = entry.lastIndexOf(':');
        const [lat, lon] = entry
          .slice(at + 1)
          .split(',')
          .map(Number);
        return [entry.slice(0, at), [lat!, lon!] as const];
      }),
    );
    decoded.set(cacheKey, map);
  }
  return map;
}

/**
 * The centroid of the postal code's area: the data-derived prefix tables (US, DE, FR; see
 * scripts/build-postal-centroids.ts), else the hand-placed PC2 tables (NL, BE, DE).
 * `code` is upper-cased with spaces removed.
 */
export function postalAreaCentroid(
  country: string,
  code: string,
): readonly [number, number] | undefined {
  const generated = POSTAL_PREFIX_CENTROIDS[country];
  if (generated && isPostalCodeOf(country, code)) {
    const hit = decode(`postal/${country}`, generated.table)?.get(
      code.slice(0, generated.prefixLength),
    );
    if (hit) return hit;
  }
  const table = POSTAL_CENTROIDS[country];
  if (!table?.format.test(code)) return undefined;
  return table.centroids[code.slice(0, table.prefixLength)];
}

/** A place by its name, where the name is unique in the country (GeoNames; NL, BE, GB, LU). */
export function placeCentroid(
  country: string,
  city: string,
): readonly [number, number] | undefined {
  return decode(`place/${country}`, PLACE_CENTROIDS[country])?.get(foldPlaceName(city));
}

/** The centroid of a region (state, province, prefecture) by its libaddressinput key. */
export function regionCentroid(
  country: string,
  regionKey: string,
): readonly [number, number] | undefined {
  return decode(`region/${country}`, REGION_CENTROIDS[country])?.get(regionKey);
}
