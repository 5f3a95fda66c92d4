/**
 * The offline geocoding tables sourcing falls back on when an order carries no coordinates:
 * postcode-prefix centroids where we have them (NL, BE, DE), else country centroids.
 */
import { BE_POSTAL2_CENTROIDS } from './be-postal-centroids';
import { DE_LEITREGION_CENTROIDS } from './de-postal-centroids';
import { NL_PC2_CENTROIDS } from './nl-postal-centroids';

import { COUNTRY_CENTROIDS as CHOSEN_CENTROIDS } from './country-centroids';
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
