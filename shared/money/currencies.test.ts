import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, isCurrencyCode, minorUnitDigits } from './currencies';

describe('ISO 4217 currencies', () => {
  it('knows each currency by its own minor unit: JPY 0, EUR 2, KWD 3, CLF 4', () => {
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KRW')).toBe(0);
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(minorUnitDigits('BHD')).toBe(3);
    expect(minorUnitDigits('CLF')).toBe(4);
  });

  it('lists every active currency (more than 150), three capitals each, and no withdrawn one', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    for (const code of CURRENCY_CODES) expect(code).toMatch(/^[A-Z]{3}$/);
    expect(isCurrencyCode('NLG')).toBe(false); // the guilder, withdrawn in 2002
    expect(isCurrencyCode('HRK')).toBe(false); // the kuna, replaced by the euro in 2023
    expect(() => minorUnitDigits('XYZ')).toThrow(/not an ISO 4217/);
  });
});
