import { describe, expect, it } from 'vitest';
import { greatCircleDistanceKm } from './great-circle';
import { resolveShipToLocation } from './ship-to-location';
import type { ShipToAddress, ShipToLocation } from './ship-to-location';
import { COUNTRY_CENTROIDS, POSTAL_CENTROIDS } from './geo/centroids';

function located(address: ShipToAddress): ShipToLocation {
  const result = resolveShipToLocation(address);
  if (!result.ok) throw new Error(result.message);
  return result.location;
}

const kmFrom = (location: ShipToLocation, lat: number, lon: number) =>
  greatCircleDistanceKm(location, { lat, lon });

describe('resolving the ship-to location', () => {
  it('uses the coordinates the order carries', () => {
    expect(
      located({ country: 'NL', postalCode: '1012 AB', latitude: 51.5, longitude: 5.1 }),
    ).toEqual({
      lat: 51.5,
      lon: 5.1,
      source: 'order',
    });
  });

  it.each<[string, ShipToAddress]>([
    [
      '0,0 (a channel with no coordinates)',
      { country: 'NL', postalCode: '1012AB', latitude: 0, longitude: 0 },
    ],
    ['only a latitude', { country: 'NL', postalCode: '1012AB', latitude: 52.1 }],
    [
      'a latitude beyond the pole',
      { country: 'NL', postalCode: '1012AB', latitude: 152.1, longitude: 5 },
    ],
    ['null coordinates', { country: 'NL', postalCode: '1012AB', latitude: null, longitude: null }],
  ])('ignores %s and falls back to the postcode', (_why, address) => {
    expect(located(address).source).toBe('postal-code');
  });

  it.each<[string, string, string, number, number]>([
    ['NL', '1012 AB', 'Amsterdam', 52.373, 4.893],
    ['nl', '9711lm', 'Groningen', 53.219, 6.567],
    ['NL', '6211', 'Maastricht', 50.851, 5.691],
    ['BE', '9000', 'Gent', 51.054, 3.717],
    ['BE', 'B-2000', 'Antwerpen', 51.219, 4.402],
    ['BE', '6700', 'Arlon', 49.683, 5.816],
    ['DE', '01067', 'Dresden', 51.05, 13.738],
    ['DE', 'D-80331', 'München', 48.137, 11.575],
    ['DE', '20095', 'Hamburg', 53.551, 9.993],
  ])('places %s %s within 30 km of %s', (country, postalCode, _city, lat, lon) => {
    const location = located({ country, postalCode });
    expect(location.source).toBe('postal-code');
    expect(kmFrom(location, lat, lon)).toBeLessThan(30);
  });

  it.each<[string, string | undefined]>([
    ['NL', '0123 AB'], // NL codes never start with 0
    ['BE', '10000'], // five digits is not Belgian
    ['DE', '05123'], // Leitregion 05 is not in use
    ['DE', '1011'],
    ['NL', undefined],
    ['FR', '00000'], // no French code starts 00
    ['GB', 'SW1A 1AA'], // no British postcode coordinates on npm; no city given
  ])('falls back to the country centroid for %s %s', (country, postalCode) => {
    const location = located({ country, postalCode });
    const centroid = COUNTRY_CENTROIDS[country];
    expect(location).toEqual({ lat: centroid?.[0], lon: centroid?.[1], source: 'country' });
  });

  it('refuses an unknown country and names the field', () => {
    expect(resolveShipToLocation({ country: 'XX', postalCode: '1012AB' })).toMatchObject({
      ok: false,
      code: 'unknown_country',
      field: 'country',
    });
  });
});

describe('postal-code, place and region centroids from data sets', () => {
  it.each<[string, string, string, number, number]>([
    ['US', '10118', 'New York', 40.749, -73.986],
    ['US', '94103', 'San Francisco', 37.773, -122.411],
    ['US', '60601-1234', 'Chicago', 41.886, -87.623],
    ['FR', '75001', 'Paris', 48.86, 2.341],
    ['FR', '13001', 'Marseille', 43.3, 5.381],
    ['FR', '69002', 'Lyon', 45.75, 4.83],
    ['DE', '50667', 'Köln', 50.938, 6.957],
  ])(
    'places %s %s within 40 km of %s by its postal-code area',
    (country, postalCode, _c, lat, lon) => {
      const location = located({ country, postalCode });
      expect(location.source).toBe('postal-code');
      expect(kmFrom(location, lat, lon)).toBeLessThan(40);
    },
  );

  it.each<[string, string, number, number]>([
    ['GB', 'Manchester', 53.48, -2.244],
    ['GB', 'Edinburgh', 55.953, -3.189],
    ['LU', 'Esch-sur-Alzette', 49.496, 5.98],
  ])(
    'places %s %s by its place when the postal code has no coordinates',
    (country, city, lat, lon) => {
      const location = located({ country, postalCode: 'M1 1AE', city });
      expect(location.source).toBe('city');
      expect(kmFrom(location, lat, lon)).toBeLessThan(15);
    },
  );

  it.each<[string, string, string, number, number]>([
    ['CA', 'BC', 'British Columbia', 49.9, -122.5],
    ['AU', 'VIC', 'Victoria', -37.8, 145.0],
    ['JP', 'Hokkaido', 'Hokkaido', 43.2, 142.8],
  ])(
    'falls back to the region for %s %s (%s), where its places are',
    (country, region, _n, lat, lon) => {
      const location = located({ country, region });
      expect(location.source).toBe('region');
      expect(kmFrom(location, lat, lon)).toBeLessThan(300);
    },
  );
});

describe('the offline centroid tables', () => {
  const bounds = {
    NL: { lat: [50.75, 53.56], lon: [3.35, 7.23] },
    BE: { lat: [49.49, 51.51], lon: [2.54, 6.41] },
    DE: { lat: [47.27, 55.06], lon: [5.87, 15.04] },
  } as const;
  const prefixes = (from: number, skip: number[] = []) =>
    Array.from({ length: 100 - from }, (_, i) => i + from)
      .filter((n) => !skip.includes(n))
      .map((n) => String(n).padStart(2, '0'));
  const expected = { NL: prefixes(10), BE: prefixes(10), DE: prefixes(1, [5, 11, 43, 62]) };

  it.each(['NL', 'BE', 'DE'] as const)(
    'covers every %s prefix with a point inside the country',
    (country) => {
      const table = POSTAL_CENTROIDS[country];
      expect(Object.keys(table?.centroids ?? {}).sort()).toEqual(expected[country]);
      for (const [lat, lon] of Object.values(table?.centroids ?? {})) {
        expect(lat).toBeGreaterThanOrEqual(bounds[country].lat[0]);
        expect(lat).toBeLessThanOrEqual(bounds[country].lat[1]);
        expect(lon).toBeGreaterThanOrEqual(bounds[country].lon[0]);
        expect(lon).toBeLessThanOrEqual(bounds[country].lon[1]);
      }
    },
  );

  it('knows every EU and EEA country plus GB, CH, US, CA and AU', () => {
    const required =
      'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO GB CH US CA AU';
    for (const code of required.split(' ')) expect(COUNTRY_CENTROIDS[code], code).toBeDefined();
  });

  it('places any other ISO 3166-1 country by its world-countries centroid (Japan)', () => {
    const result = resolveShipToLocation({ country: 'JP', postalCode: '100-0001' });
    expect(result).toMatchObject({ ok: true, location: { source: 'country', lat: 36, lon: 138 } });
  });
});
