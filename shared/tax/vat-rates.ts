/**
 * VAT rates by country, as dated periods: a rate change is a new period here, nothing else.
 *
 * Source: European Commission, DG TAXUD, "VAT rates applied in the Member States of the European
 * Union, situation at 1 January 2025" (the table published from the Taxes in Europe Database,
 * TEDB), with the changes announced after it: Estonia 24 % from 1 July 2025, Romania 21 % / 11 %
 * from 1 August 2025. Non-EU countries from their tax authorities' published rates (HMRC, Skatteetaten,
 * the Swiss ESTV). Checked against the standard rates of the `sales-tax` npm package 2.23.0
 * (2026-05-19). Changes enacted since, each from its country's tax authority:
 * - Finland: the 14 % rate (foodstuffs, restaurants; books and medicines since 2025) is 13.5 %
 *   from 1 January 2026 (Vero, the Finnish Tax Administration).
 * - Sweden: foodstuffs 6 % instead of 12 % from 1 April 2026 to 31 December 2027, then 12 %
 *   again (Prop. 2025/26:55 amending the VAT Act 2023:200; Skatteverket). Restaurants and hotels keep 12 %;
 *   the `reduced` column follows the foodstuffs, the goods an OMS ships.
 * Every other EU country's standard and main reduced rate was checked against the TEDB table
 * above on 2026-12-04; the changes of 2026 elsewhere (BE, CZ, DE, IE, NL, SK, LT) move services
 * or single product groups between rates, not the standard or the foodstuffs/books rate kept here. Data as of 2026-04-01 (the last change in force); a change announced
 * for a later date is a period after it. Add a period when a country changes a rate.
 *
 * `reduced` is the main reduced rate, the one most Annex III goods (foodstuffs, books) take; a
 * country without one (Denmark) charges its standard rate. Rates are parts per million (21 % = 210000).
 */
export interface VatRatePeriod {
  /** First day (YYYY-MM-DD) the rates apply. */
  from: string;
  standardPpm: number;
  /** Null: the country has no reduced rate; reduced-class goods take the standard rate. */
  reducedPpm: number | null;
}

/** The last day a rate change in this table took effect; later periods are announced ends of temporary rates. */
export const VAT_RATES_AS_OF = '2026-04-01';

const p = (from: string, standard: number, reduced: number | null): VatRatePeriod => ({
  from,
  standardPpm: Math.round(standard * 10_000),
  reducedPpm: reduced === null ? null : Math.round(reduced * 10_000),
});

// The oldest period of each country starts where our data starts (2021-01-01, before the OSS began
// on 2021-07-01), unless its rates are known to have held from earlier.
const START = '2021-01-01';

/** Oldest period first. */
export const VAT_RATES: Readonly<Record<string, readonly VatRatePeriod[]>> = {
  AT: [p(START, 20, 10)],
  BE: [p(START, 21, 6)],
  BG: [p(START, 20, 9)],
  CY: [p(START, 19, 5)],
  CZ: [p(START, 21, 15), p('2024-01-01', 21, 12)],
  // Germany's temporary Covid-19 cut: 16 % and 5 % from 1 July to 31 December 2020.
  DE: [p('2007-01-01', 19, 7), p('2020-07-01', 16, 5), p(START, 19, 7)],
  DK: [p(START, 25, null)],
  EE: [p(START, 20, 9), p('2024-01-01', 22, 9), p('2025-07-01', 24, 9)],
  ES: [p(START, 21, 10)],
  FI: [p(START, 24, 14), p('2024-09-01', 25.5, 14), p('2026-01-01', 25.5, 13.5)],
  FR: [p(START, 20, 5.5)],
  GR: [p(START, 24, 13)],
  HR: [p(START, 25, 13)],
  HU: [p(START, 27, 5)],
  IE: [p(START, 23, 13.5)],
  IT: [p(START, 22, 10)],
  LT: [p(START, 21, 9)],
  // Luxembourg's temporary cut of one point in 2023.
  LU: [p(START, 17, 8), p('2023-01-01', 16, 7), p('2024-01-01', 17, 8)],
  LV: [p(START, 21, 12)],
  MT: [p(START, 18, 7)],
  // The Netherlands raised the reduced rate from 6 % to 9 % on 1 January 2019.
  NL: [p('2012-10-01', 21, 6), p('2019-01-01', 21, 9)],
  PL: [p(START, 23, 8)],
  PT: [p(START, 23, 6)],
  RO: [p(START, 19, 9), p('2025-08-01', 21, 11)],
  // Sweden's temporary cut on food ends after 31 December 2027 (the law's own end date).
  SE: [p(START, 25, 12), p('2026-04-01', 25, 6), p('2028-01-01', 25, 12)],
  SI: [p(START, 22, 9.5)],
  SK: [p(START, 20, 10), p('2025-01-01', 23, 5)],
  // Outside the EU: only needed when goods ship from a warehouse in that country.
  GB: [p(START, 20, 5)],
  NO: [p(START, 25, 15)],
  CH: [p(START, 7.7, 2.5), p('2024-01-01', 8.1, 2.6)],
};
