/**
 * Approximate geographic centroids by ISO 3166-1 alpha-2 code, as [lat, lon]. Mainland only
 * where overseas parts would drag the point into the sea (FR, ES, PT, NO, DK).
 * Covers the EU, the EEA, the other European microstates, GB, CH, US, CA and AU.
 */
export const COUNTRY_CENTROIDS: Readonly<Record<string, readonly [number, number]>> = {
  // EU
  AT: [47.59, 14.14],
  BE: [50.64, 4.67],
  BG: [42.77, 25.21],
  CY: [35.04, 33.22],
  CZ: [49.8, 15.47],
  DE: [51.16, 10.45],
  DK: [56.0, 10.0],
  EE: [58.67, 25.54],
  ES: [40.24, -3.65],
  FI: [64.5, 26.27],
  FR: [46.6, 2.45],
  GR: [39.07, 21.82],
  HR: [45.1, 15.2],
  HU: [47.16, 19.5],
  IE: [53.18, -8.24],
  IT: [42.83, 12.83],
  LT: [55.17, 23.88],
  LU: [49.78, 6.09],
  LV: [56.88, 24.6],
  MT: [35.94, 14.38],
  NL: [52.13, 5.29],
  PL: [51.92, 19.14],
  PT: [39.56, -8.0],
  RO: [45.94, 24.97],
  SE: [62.2, 17.64],
  SI: [46.15, 14.99],
  SK: [48.67, 19.7],
  // EEA outside the EU
  IS: [64.96, -19.02],
  LI: [47.16, 9.55],
  NO: [64.5, 12.0],
  // European microstates with open borders to the EU
  AD: [42.55, 1.6],
  MC: [43.74, 7.42],
  SM: [43.94, 12.46],
  VA: [41.9, 12.45],
  // Beyond
  GB: [54.0, -2.5],
  CH: [46.8, 8.23],
  US: [39.83, -98.58],
  CA: [56.13, -106.35],
  AU: [-25.27, 133.78],
};
