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
        expect(p.from <= VAT_RATES_AS_OF).toBe(true);
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
