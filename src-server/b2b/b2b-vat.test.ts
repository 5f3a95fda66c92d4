// The VAT of B2B documents from the VAT engine: the rules quotes and invoices need, and the
// sentence an acceptance gets when the VAT is no longer what was quoted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, minorUnitDigits } from '../../shared/money/currencies';
import type { VatBasis } from './b2b-schema';
import { decideB2bVat, ossPositionFor, vatChange, vatLinesOf } from './b2b-vat';

const basis = (over: Partial<VatBasis> = {}): VatBasis => ({
  originCountry: 'NL',
  shipToCountry: 'NL',
  billToCountry: 'NL',
  vatNumber: null,
  supplyDate: '2026-03-01',
  ...over,
});
const oss = ossPositionFor(null);
const vatOf = (b: VatBasis, taxClass: 'standard' | 'reduced' = 'standard') =>
  vatLinesOf(
    decideB2bVat({
      basis: b,
      oss,
      lines: [
        { amountMinor: 10_000, taxClass },
        { amountMinor: 2_550, taxClass },
      ],
      shippingMinor: 995,
    }),
  );

describe('B2B VAT from the engine', () => {
  it.each([
    ['a Dutch company at home', basis({ vatNumber: 'NL004495445B01' }), 'S', 21, 2845],
    [
      'a Belgian company with a valid VAT number',
      basis({ shipToCountry: 'BE', billToCountry: 'BE', vatNumber: 'BE0411905847' }),
      'K',
      0,
      0,
    ],
    [
      'a German company with a valid VAT number',
      basis({ shipToCountry: 'DE', billToCountry: 'DE', vatNumber: 'DE136695976' }),
      'K',
      0,
      0,
    ],
    [
      'a Belgian company with an invalid VAT number',
      basis({ shipToCountry: 'BE', billToCountry: 'BE', vatNumber: 'BE0411905848' }),
      'S',
      21,
      2845,
    ],
    [
      'a Belgian company without a VAT number',
      basis({ shipToCountry: 'BE', billToCountry: 'BE' }),
      'S',
      21,
      2845,
    ],
    [
      'a Swiss company (export)',
      basis({ shipToCountry: 'CH', billToCountry: 'CH', vatNumber: 'CHE123' }),
      'G',
      0,
      0,
    ],
    ['a US company (export)', basis({ shipToCountry: 'US', billToCountry: 'US' }), 'G', 0, 0],
    [
      'a Belgian seller at home',
      basis({
        originCountry: 'BE',
        shipToCountry: 'BE',
        billToCountry: 'BE',
        vatNumber: 'BE0411905847',
      }),
      'S',
      21,
      2845,
    ],
    [
      'an Estonian seller at home before 1 July 2025',
      basis({
        originCountry: 'EE',
        shipToCountry: 'EE',
        billToCountry: 'EE',
        supplyDate: '2025-06-30',
      }),
      'S',
      22,
      2980,
    ],
    [
      'an Estonian seller at home from 1 July 2025',
      basis({
        originCountry: 'EE',
        shipToCountry: 'EE',
        billToCountry: 'EE',
        supplyDate: '2025-07-01',
      }),
      'S',
      24,
      3251,
    ],
  ])('%s: category %s at %s %%, VAT %s', (_name, b, category, rate, tax) => {
    const vat = vatOf(b);
    expect(vat).toEqual([
      {
        category,
        ratePercent: rate,
        netMinor: 13_545,
        taxMinor: tax,
        reverseCharge: category === 'K',
      },
    ]);
  });

  it('taxes reduced-rate goods (and their shipping) at the reduced rate', () => {
    expect(vatOf(basis(), 'reduced')).toEqual([
      { category: 'S', ratePercent: 9, netMinor: 13_545, taxMinor: 1220, reverseCharge: false },
    ]);
  });

  it('keeps the OSS scheme an order was placed under', () => {
    const b = basis({ shipToCountry: 'DE', billToCountry: 'DE' });
    const destination = decideB2bVat({
      basis: b,
      oss: ossPositionFor('oss'),
      lines: [{ amountMinor: 10_000, taxClass: 'standard' }],
      shippingMinor: 0,
    });
    expect(destination).toMatchObject({ scheme: 'oss', rateCountry: 'DE', taxMinor: 1900 });
  });

  it('refuses a supply date no rates are known for (422)', () => {
    expect(() =>
      vatOf(
        basis({
          originCountry: 'EE',
          shipToCountry: 'EE',
          billToCountry: 'EE',
          supplyDate: '2019-01-01',
        }),
      ),
    ).toThrow(expect.objectContaining({ statusCode: 422, code: 'no_vat_rate' }));
  });
});

describe('a change in the VAT since the quote', () => {
  const home = basis({ shipToCountry: 'BE', billToCountry: 'BE', vatNumber: 'BE0411905847' });
  it.each([
    ['nothing changed', home, home, null],
    [
      'the VAT number was removed',
      home,
      { ...home, vatNumber: null },
      "the buyer's VAT number changed from BE0411905847 to none: quoted 0 % reverse charge on 135.45 = 0.00, now 21 % VAT on 135.45 = 28.45",
    ],
    [
      'the buyer moved out of the EU',
      home,
      { ...home, shipToCountry: 'CH', billToCountry: 'CH' },
      'the delivery country changed from BE to CH; the billing country changed from BE to CH: quoted 0 % reverse charge on 135.45 = 0.00, now 0 % export on 135.45 = 0.00',
    ],
    [
      'the rate changed',
      basis({
        originCountry: 'EE',
        shipToCountry: 'EE',
        billToCountry: 'EE',
        supplyDate: '2025-06-30',
      }),
      basis({
        originCountry: 'EE',
        shipToCountry: 'EE',
        billToCountry: 'EE',
        supplyDate: '2025-07-01',
      }),
      'the VAT rates or tax classes on 2025-07-01 differ from those on 2025-06-30: quoted 22 % VAT on 135.45 = 29.80, now 24 % VAT on 135.45 = 32.51',
    ],
    [
      'a VAT number changed to another valid one (same VAT)',
      home,
      { ...home, vatNumber: 'BE0403170701' },
      null,
    ],
  ])('%s', (_name, before, now, expected) => {
    expect(
      vatChange({ basis: before, vat: vatOf(before) }, { basis: now, vat: vatOf(now) }, 'EUR'),
    ).toBe(expected);
  });

  it('compares a version written before the engine by rate and amounts only', () => {
    const now = vatOf(basis());
    const old = now.map(({ category: _c, ...row }) => row);
    expect(vatChange({ basis: null, vat: old }, { basis: basis(), vat: now }, 'EUR')).toBeNull();
  });
});

describe('the VAT-changed sentence in the currency’s own decimals', () => {
  const before = basis({
    originCountry: 'EE',
    shipToCountry: 'EE',
    billToCountry: 'EE',
    supplyDate: '2025-06-30',
  });
  const now = { ...before, supplyDate: '2025-07-01' };
  const sentence = (currency: string) =>
    vatChange({ basis: before, vat: vatOf(before) }, { basis: now, vat: vatOf(now) }, currency);

  it.each([
    ['JPY', 'quoted 22 % VAT on 13545 = 2980, now 24 % VAT on 13545 = 3251'],
    ['KWD', 'quoted 22 % VAT on 13.545 = 2.980, now 24 % VAT on 13.545 = 3.251'],
    ['EUR', 'quoted 22 % VAT on 135.45 = 29.80, now 24 % VAT on 135.45 = 32.51'],
  ])('writes %s amounts as %s', (currency, amounts) => {
    expect(sentence(currency)).toContain(amounts);
  });

  it('names every amount to the minor unit in any ISO 4217 currency', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CURRENCY_CODES), (currency) => {
        const digits = minorUnitDigits(currency);
        const amounts = [...sentence(currency)!.matchAll(/on ([\d.]+) = ([\d.]+)/g)].flatMap(
          (m) => [m[1]!, m[2]!],
        );
        expect(amounts.map((a) => (a.split('.')[1] ?? '').length)).toEqual(
          [0, 0, 0, 0].fill(digits),
        );
        expect(amounts.map((a) => Number(a.replace('.', '')))).toEqual([13545, 2980, 13545, 3251]);
      }),
    );
  });
});
