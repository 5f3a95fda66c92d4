/**
 * Where an order ships to, as a point for distance-based sourcing, without network geocoding:
 * the order's own coordinates when it carries usable ones, else the centroid of its postal-code
 * area (US, DE, FR, NL, BE), else of its place (NL, BE, GB, LU), else of its region (US states,
 * Canadian provinces …), else of its country. The order records which was used.
 */
import type { GeoPoint } from './great-circle';
import { findRegion } from '../../shared/validation/regions';
import {
  COUNTRY_CENTROIDS,
  placeCentroid,
  postalAreaCentroid,
  regionCentroid,
} from './geo/centroids';

export type ShipToLocationSource = 'order' | 'postal-code' | 'city' | 'region' | 'country';

export interface ShipToLocation extends GeoPoint {
  source: ShipToLocationSource;
}

export interface ShipToAddress {
  /** ISO 3166-1 alpha-2; case is ignored. */
  country: string;
  postalCode?: string | null;
  city?: string | null;
  region?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export type ShipToLocationResult =
  | { ok: true; location: ShipToLocation }
  | { ok: false; code: 'unknown_country'; field: 'country'; message: string };

export function resolveShipToLocation(address: ShipToAddress): ShipToLocationResult {
  const country = address.country.trim().toUpperCase();
  const countryCentroid = COUNTRY_CENTROIDS[country];
  if (countryCentroid === undefined) {
    return {
      ok: false,
      code: 'unknown_country',
      field: 'country',
      message: `No location is known for country "${address.country}" (expected an ISO 3166-1 alpha-2 code).`,
    };
  }
  const fromOrder = usableCoordinates(address.latitude, address.longitude);
  if (fromOrder) return { ok: true, location: { ...fromOrder, source: 'order' } };

  const fromPostalCode = postalCodeCentroid(country, address.postalCode);
  if (fromPostalCode) return { ok: true, location: { ...fromPostalCode, source: 'postal-code' } };

  const fromPlace = address.city ? placeCentroid(country, address.city) : undefined;
  if (fromPlace)
    return { ok: true, location: { lat: fromPlace[0], lon: fromPlace[1], source: 'city' } };

  const region = findRegion(country, address.region ?? undefined);
  const fromRegion = region ? regionCentroid(country, region.key) : undefined;
  if (fromRegion)
    return { ok: true, location: { lat: fromRegion[0], lon: fromRegion[1], source: 'region' } };

  const [lat, lon] = countryCentroid;
  return { ok: true, location: { lat, lon, source: 'country' } };
}

function usableCoordinates(
  lat: number | null | undefined,
  lon: number | null | undefined,
): GeoPoint | null {
  if (typeof lat !== 'number' || typeof lon !== 'number') return null;
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  // Channels send 0,0 when they have no coordinates; nobody ships to that spot in the ocean.
  if (lat === 0 && lon === 0) return null;
  return { lat, lon };
}

function postalCodeCentroid(
  country: string,
  postalCode: string | null | undefined,
): GeoPoint | null {
  if (!postalCode) return null;
  // People write "1012 AB", "B-1000" or "D-10115"; keep only the code itself.
  const compact = postalCode
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/^[A-Z]{1,2}-/, '');
  const centroid = postalAreaCentroid(country, compact);
  if (!centroid) return null;
  const [lat, lon] = centroid;
  return { lat, lon };
}
