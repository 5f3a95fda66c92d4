import { describe, expect, it } from 'vitest';
import { EU_MEMBER_STATES } from '../labels/customs';
import { VAT_RATES, VAT_RATES_AS_OF } from './vat-rates';
import { ratePeriodOn, vatRatePpm } from './vat-rate-lookup';

describe('the VAT rate table', () => {
  it('covers every EU member state from before the OSS began (1 July 2021)', () => {
    for (const country of EU_MEMBER_STATES) {
      expect(ratePeriodOn(country, '2021-07-01'), country).not.toBeNull();
    }
  });

  it('lists each country oldest period first, dates real, rates between 0 and 30 %', () => {
    for (const [country, periods] of Object.entries(VAT_RATES)) {
      const dates = periods.map((p) => p.from);
      expect([...dates].sort(), country).toEqual(dates);
      expect(new Set(dates).size, country).toBe(dates.length);
      for (const p of periods) {
        expect(Number.isNaN(Date.parse(p.from)), p.from).toBe(false);
        // After the as-of date only the announced end of a temporary rate (Sweden's food cut).
        if (p.from > VAT_RATES_AS_OF) expect(`${country} ${p.from}`).toBe('SE 2028-01-01');
        expect(p.standardPpm).toBeGreaterThan(0);
        expect(p.standardPpm).toBeLessThanOrEqual(300_000);
        if (p.reducedPpm !== null) expect(p.reducedPpm).toBeLessThan(p.standardPpm);
      }
    }
  });

  it('knows the rate changes of recent years on their first day', () => {
    expect(vatRatePpm('FI', 'standard', '2024-08-31')).toBe(240_000);
    expect(vatRatePpm('FI', 'standard', '2024-09-01')).toBe(255_000);
    expect(vatRatePpm('RO', 'reduced', '2025-08-01')).toBe(110_000);
    expect(vatRatePpm('SK', 'standard', '2025-01-01')).toBe(230_000);
    expect(vatRatePpm('LU', 'standard', '2023-06-01')).toBe(160_000);
    expect(vatRatePpm('CH', 'standard', '2024-01-01')).toBe(81_000);
    expect(vatRatePpm('FR', 'zero', '2025-01-01')).toBe(0);
  });
});

describe('the rate changes of 2026, on the days either side', () => {
  it.each([
    // Finland: 14 % to 13.5 % on 1 January 2026; the standard rate stays 25.5 %.
    ['FI', 'reduced', '2025-12-31', 140_000],
    ['FI', 'reduced', '2026-01-01', 135_000],
    ['FI', 'standard', '2026-01-01', 255_000],
    // Sweden: food 6 % from 1 April 2026 to 31 December 2027, 12 % before and after.
    ['SE', 'reduced', '2026-03-31', 120_000],
    ['SE', 'reduced', '2026-04-01', 60_000],
    ['SE', 'reduced', '2027-12-31', 60_000],
    ['SE', 'reduced', '2028-01-01', 120_000],
    ['SE', 'standard', '2026-04-01', 250_000],
    ['SE', 'standard', '2028-01-01', 250_000],
  ] as const)('%s %s on %s is %i ppm', (country, taxClass, date, ppm) => {
    expect(vatRatePpm(country, taxClass, date)).toBe(ppm);
  });

  // The TEDB table (1 January 2025) with the changes since, as in force on 2026-12-04.
  const IN_FORCE_2026_12_04: Record<string, [standard: number, reduced: number | null]> = {
    AT: [20, 10],
    BE: [21, 6],
    BG: [20, 9],
    CY: [19, 5],
    CZ: [21, 12],
    DE: [19, 7],
    DK: [25, null],
    EE: [24, 9],
    ES: [21, 10],
    FI: [25.5, 13.5],
    FR: [20, 5.5],
    GR: [24, 13],
    HR: [25, 13],
    HU: [27, 5],
    IE: [23, 13.5],
    IT: [22, 10],
    LT: [21, 9],
    LU: [17, 8],
    LV: [21, 12],
    MT: [18, 7],
    NL: [21, 9],
    PL: [23, 8],
    PT: [23, 6],
    RO: [21, 11],
    SE: [25, 6],
    SI: [22, 9.5],
    SK: [23, 5],
  };

  it.each(Object.entries(IN_FORCE_2026_12_04))(
    '%s charges its standard and main reduced rate of the source table',
    (country, [standard, reduced]) => {
      expect(EU_MEMBER_STATES.has(country)).toBe(true);
      expect(vatRatePpm(country, 'standard', '2026-12-04')).toBe(standard * 10_000);
      expect(vatRatePpm(country, 'reduced', '2026-12-04')).toBe((reduced ?? standard) * 10_000);
    },
  );

  it('lists every member state in that check', () => {
    expect(Object.keys(IN_FORCE_2026_12_04).sort()).toEqual([...EU_MEMBER_STATES].sort());
  });
});
