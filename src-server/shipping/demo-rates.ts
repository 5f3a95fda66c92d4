/**
 * A demo rate catalogue for the seeded warehouses (NL, BE, DE): plausible business-contract
 * prices in euro cents per parcel, excluding VAT and surcharges. Not any carrier's real tariff.
 */
import { shippingServiceSchema } from './rate-table';
import type { RateBracket, ShippingService } from './rate-table';

/** Builds brackets from columns: `maxKg[i]` costs `prices[zone][i]`. Keeps the tables readable. */
function brackets(
  maxKg: readonly number[],
  prices: Record<string, readonly number[]>,
): RateBracket[] {
  return maxKg.map((max, i) => ({
    maxKg: max,
    price: Object.fromEntries(
      Object.entries(prices).flatMap(([zone, column]) => {
        const price = column[i];
        return price === undefined ? [] : [[zone, price]];
      }),
    ),
  }));
}

const zonesOf = (groups: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(groups).flatMap(([zone, countries]) =>
      countries.split(' ').map((c) => [c, zone]),
    ),
  );

const EU_NEAR = 'FR AT DK';
const EU_FAR = 'IT ES PT IE SE FI PL CZ SK HU SI HR EE LV LT GR BG RO CY MT';

const catalogue: ShippingService[] = [
  {
    carrier: 'postnl',
    service: 'parcel',
    name: 'PostNL Pakket',
    currency: 'EUR',
    fromCountries: ['NL'],
    zones: zonesOf({ domestic: 'NL', benelux: 'BE LU', eu1: `DE ${EU_NEAR}`, eu2: EU_FAR }),
    brackets: brackets([2, 5, 10, 23], {
      domestic: [475, 595, 695, 1295],
      benelux: [895, 995, 1295, 1895],
      eu1: [1195, 1395, 1795, 2695],
      eu2: [1495, 1795, 2295, 3495],
    }),
    transitDays: { domestic: 1, benelux: 2, eu1: 3, eu2: 5 },
    volumetricDivisor: null,
  },
  {
    carrier: 'bpost',
    service: 'parcel',
    name: 'bpost Pakje',
    currency: 'EUR',
    fromCountries: ['BE'],
    zones: zonesOf({ domestic: 'BE', benelux: 'NL LU', eu1: `DE ${EU_NEAR}`, eu2: EU_FAR }),
    brackets: brackets([2, 5, 10, 30], {
      domestic: [545, 645, 845, 1295],
      benelux: [990, 1190, 1490, 2190],
      eu1: [1390, 1590, 1990, 2990],
      eu2: [1690, 1990, 2490, 3790],
    }),
    transitDays: { domestic: 1, benelux: 2, eu1: 4, eu2: 6 },
    volumetricDivisor: null,
  },
  {
    carrier: 'dhl-parcel',
    service: 'paket',
    name: 'DHL Paket',
    currency: 'EUR',
    fromCountries: ['DE'],
    zones: { DE: 'domestic' },
    brackets: brackets([2, 5, 10, 20, 31.5], { domestic: [499, 599, 849, 1299, 1799] }),
    transitDays: { domestic: 1 },
    volumetricDivisor: null,
  },
  {
    carrier: 'dhl-parcel',
    service: 'connect',
    name: 'DHL Parcel Connect',
    currency: 'EUR',
    fromCountries: ['NL', 'BE', 'DE'],
    zones: zonesOf({ near: `NL BE LU DE ${EU_NEAR}`, far: `${EU_FAR} CH GB NO` }),
    brackets: brackets([2, 5, 10, 20, 31.5], {
      near: [895, 1045, 1295, 1695, 2195],
      far: [1295, 1495, 1895, 2495, 3295],
    }),
    transitDays: { near: 2, far: 4 },
    volumetricDivisor: null,
  },
  {
    carrier: 'dpd',
    service: 'classic',
    name: 'DPD Classic',
    currency: 'EUR',
    fromCountries: ['NL', 'BE', 'DE'],
    zones: zonesOf({ core: 'NL BE LU DE', eu1: EU_NEAR, eu2: EU_FAR, europe: 'CH GB NO' }),
    brackets: brackets([3, 5, 10, 20, 31.5], {
      core: [695, 795, 995, 1395, 1895],
      eu1: [1095, 1245, 1545, 1995, 2595],
      eu2: [1395, 1595, 1995, 2695, 3495],
      europe: [1995, 2295, 2795, 3695, 4795],
    }),
    transitDays: { core: 1, eu1: 2, eu2: 4, europe: 5 },
    volumetricDivisor: null,
  },
  {
    carrier: 'ups',
    service: 'express-saver',
    name: 'UPS Express Saver',
    currency: 'EUR',
    fromCountries: ['NL', 'BE', 'DE'],
    zones: {
      ...zonesOf({ z1: `NL BE LU DE ${EU_NEAR}`, z2: EU_FAR, z3: 'CH GB NO IS LI', z4: 'US CA' }),
      '*': 'z5',
    },
    brackets: brackets([1, 2, 5, 10, 20, 30, 70], {
      z1: [1650, 1950, 2650, 3650, 5450, 7150, 13900],
      z2: [2450, 2850, 3850, 5250, 7950, 10450, 19900],
      z3: [3250, 3750, 4950, 6850, 10450, 13900, 26900],
      z4: [4950, 5850, 7950, 11450, 17900, 23900, 45900],
      z5: [5950, 6950, 9450, 13900, 21900, 29900, 57900],
    }),
    transitDays: { z1: 1, z2: 2, z3: 2, z4: 2, z5: 3 },
    volumetricDivisor: 5000,
  },
  {
    carrier: 'own',
    service: 'same-day',
    name: 'Own fleet same-day courier',
    currency: 'EUR',
    fromCountries: ['NL', 'BE'],
    zones: { NL: 'local', BE: 'local' },
    brackets: brackets([5, 15], { local: [795, 1095] }),
    transitDays: { local: 0 },
    volumetricDivisor: 6000,
  },
];

/** Validated at load so a typo in this file fails the first test that imports it. */
export const DEMO_SHIPPING_SERVICES: readonly ShippingService[] = catalogue.map((service) =>
  shippingServiceSchema.parse(service),
);
