import { describe, expect, it } from 'vitest';
import { decideVat } from './vat-engine';
import type { VatLineInput, VatOrderInput } from './vat-engine';
import { OSS_THRESHOLD_EUR_MINOR } from './vat-scheme';
import type { VatScheme } from './vat-scheme';

const STANDARD: VatLineInput = { amountMinor: 10_000, taxClass: 'standard' };
const REDUCED: VatLineInput = { amountMinor: 2_000, taxClass: 'reduced' };
const BELOW = { previousYearEurMinor: 0, currentYearEurMinor: 0 };
// This sale (12,495 cents) takes the year past 10,000 EUR.
const PASSING = { previousYearEurMinor: 0, currentYearEurMinor: 990_000 };

/** A Dutch warehouse's order of 100 EUR standard + 20 EUR reduced + 4.95 EUR shipping, excl. VAT. */
function makeOrder(overrides: Partial<VatOrderInput> = {}): VatOrderInput {
  return {
    originCountry: 'NL',
    destinationCountry: 'NL',
    customer: { kind: 'person', country: overrides.destinationCountry ?? 'NL' },
    oss: { thresholdEurMinor: OSS_THRESHOLD_EUR_MINOR, optedIn: false, ...BELOW },
    saleEurMinor: 12_495,
    supplyDate: '2025-03-01',
    pricesIncludeTax: false,
    rounding: 'line',
    lines: [STANDARD, REDUCED],
    shippingMinor: 495,
    ...overrides,
  };
}

const company = (country: string, vatNumber: string) => ({
  kind: 'company' as const,
  country,
  vatNumber,
});
const oss = (position: typeof BELOW) => ({
  thresholdEurMinor: OSS_THRESHOLD_EUR_MINOR,
  optedIn: false,
  ...position,
});

interface Case {
  name: string;
  order: VatOrderInput;
  scheme: VatScheme;
  rateCountry: string | null;
  /** Standard line, reduced line, shipping. */
  ratesPercent: [number, number, number];
  taxes: [number, number, number];
  mention?: RegExp;
}

const CASES: Case[] = [
  {
    name: 'NL→NL consumer: Dutch rates, 21 % and 9 %',
    order: makeOrder(),
    scheme: 'domestic',
    rateCountry: 'NL',
    ratesPercent: [21, 9, 21],
    taxes: [2100, 180, 104],
  },
  {
    name: 'NL→BE consumer below the 10,000 EUR threshold: Dutch rates',
    order: makeOrder({ destinationCountry: 'BE', oss: oss(BELOW) }),
    scheme: 'distance_sale_origin',
    rateCountry: 'NL',
    ratesPercent: [21, 9, 21],
    taxes: [2100, 180, 104],
  },
  {
    name: 'NL→BE consumer with the sale exactly reaching the threshold: still Dutch rates',
    order: makeOrder({
      destinationCountry: 'BE',
      oss: oss({ previousYearEurMinor: 0, currentYearEurMinor: 1_000_000 - 12_495 }),
    }),
    scheme: 'distance_sale_origin',
    rateCountry: 'NL',
    ratesPercent: [21, 9, 21],
    taxes: [2100, 180, 104],
  },
  {
    name: 'NL→BE consumer with the sale passing the threshold: Belgian rates through the OSS',
    order: makeOrder({ destinationCountry: 'BE', oss: oss(PASSING) }),
    scheme: 'oss',
    rateCountry: 'BE',
    ratesPercent: [21, 6, 21],
    taxes: [2100, 120, 104],
  },
  {
    name: 'NL→BE consumer after passing the threshold last year: Belgian rates',
    order: makeOrder({
      destinationCountry: 'BE',
      oss: oss({ previousYearEurMinor: 1_000_001, currentYearEurMinor: 0 }),
    }),
    scheme: 'oss',
    rateCountry: 'BE',
    ratesPercent: [21, 6, 21],
    taxes: [2100, 120, 104],
  },
  {
    name: 'NL→DE business with a valid German VAT number: reverse charge, 0 %',
    order: makeOrder({ destinationCountry: 'DE', customer: company('DE', 'DE143454214') }),
    scheme: 'reverse_charge',
    rateCountry: null,
    ratesPercent: [0, 0, 0],
    taxes: [0, 0, 0],
    mention: /Article 138 .*reverse charged/,
  },
  {
    name: 'NL→DE business whose VAT number fails its check digits, below the threshold: Dutch rates',
    order: makeOrder({ destinationCountry: 'DE', customer: company('DE', 'DE143454215') }),
    scheme: 'distance_sale_origin',
    rateCountry: 'NL',
    ratesPercent: [21, 9, 21],
    taxes: [2100, 180, 104],
  },
  {
    name: 'NL→DE business whose VAT number fails, past the threshold: German rates',
    order: makeOrder({
      destinationCountry: 'DE',
      customer: company('DE', 'DE143454215'),
      oss: oss(PASSING),
    }),
    scheme: 'oss',
    rateCountry: 'DE',
    ratesPercent: [19, 7, 19],
    taxes: [1900, 140, 94],
  },
  {
    name: 'NL→DE business with a Dutch VAT number: no reverse charge within the Netherlands',
    order: makeOrder({ destinationCountry: 'DE', customer: company('NL', 'NL004495445B01') }),
    scheme: 'distance_sale_origin',
    rateCountry: 'NL',
    ratesPercent: [21, 9, 21],
    taxes: [2100, 180, 104],
  },
  ...(['GB', 'US', 'NO'] as const).map((country): Case => ({
    name: `NL→${country}: export, zero-rated`,
    order: makeOrder({ destinationCountry: country }),
    scheme: 'export',
    rateCountry: null,
    ratesPercent: [0, 0, 0],
    taxes: [0, 0, 0],
    mention: /Article 146/,
  })),
  {
    name: 'NL→NL the day before the reduced rate rose: 6 %',
    order: makeOrder({ supplyDate: '2018-12-31' }),
    scheme: 'domestic',
    rateCountry: 'NL',
    ratesPercent: [21, 6, 21],
    taxes: [2100, 120, 104],
  },
  {
    name: 'NL→NL the day the reduced rate rose: 9 %',
    order: makeOrder({ supplyDate: '2019-01-01' }),
    scheme: 'domestic',
    rateCountry: 'NL',
    ratesPercent: [21, 9, 21],
    taxes: [2100, 180, 104],
  },
  {
    name: 'DE→DE during the 2020 cut: 16 % and 5 %',
    order: makeOrder({ originCountry: 'DE', destinationCountry: 'DE', supplyDate: '2020-07-01' }),
    scheme: 'domestic',
    rateCountry: 'DE',
    ratesPercent: [16, 5, 16],
    taxes: [1600, 100, 79],
  },
  {
    name: 'NL→EE through the OSS the day Estonia went to 24 %',
    order: makeOrder({ destinationCountry: 'EE', oss: oss(PASSING), supplyDate: '2025-07-01' }),
    scheme: 'oss',
    rateCountry: 'EE',
    ratesPercent: [24, 9, 24],
    taxes: [2400, 180, 119],
  },
  {
    name: 'NL→DK through the OSS: Denmark has no reduced rate, so 25 % throughout',
    order: makeOrder({ destinationCountry: 'DK', oss: oss(PASSING) }),
    scheme: 'oss',
    rateCountry: 'DK',
    ratesPercent: [25, 25, 25],
    taxes: [2500, 500, 124],
  },
];

describe('VAT engine: scheme, rate and tax per line and for shipping', () => {
  it.each(CASES)('$name', ({ order, scheme, rateCountry, ratesPercent, taxes, mention }) => {
    const vat = decideVat(order);
    expect(vat.scheme).toBe(scheme);
    expect(vat.rateCountry).toBe(rateCountry);
    const parts = [...vat.lines, vat.shipping];
    expect(parts.map((p) => p.ratePpm / 10_000)).toEqual(ratesPercent);
    expect(parts.map((p) => p.taxMinor)).toEqual(taxes);
    expect(vat.taxMinor).toBe(taxes[0] + taxes[1] + taxes[2]);
    expect(vat.grossMinor).toBe(12_495 + vat.taxMinor);
    if (mention) expect(vat.legalMention).toMatch(mention);
    else expect(vat.legalMention).toBeNull();
  });

  it('marks reverse-charged parts K, exports G, exempt lines E and zero-rated Z (EN 16931 codes)', () => {
    const exemptAndZero = [
      { amountMinor: 500, taxClass: 'exempt' as const },
      { amountMinor: 700, taxClass: 'zero' as const },
    ];
    const reverse = decideVat(
      makeOrder({ destinationCountry: 'DE', customer: company('DE', 'DE143454214') }),
    );
    expect(reverse.breakdown).toEqual([
      { ratePpm: 0, category: 'K', netMinor: 12_495, taxMinor: 0 },
    ]);
    expect(decideVat(makeOrder({ destinationCountry: 'US' })).breakdown[0]?.category).toBe('G');
    const domestic = decideVat(makeOrder({ lines: [STANDARD, ...exemptAndZero] }));
    expect(domestic.breakdown).toEqual([
      { ratePpm: 0, category: 'E', netMinor: 500, taxMinor: 0 },
      { ratePpm: 0, category: 'Z', netMinor: 700, taxMinor: 0 },
      { ratePpm: 210_000, category: 'S', netMinor: 10_495, taxMinor: 2204 },
    ]);
  });

  it('taxes shipping at the rate of the larger share of the goods', () => {
    const mostlyFood = decideVat(
      makeOrder({ lines: [{ amountMinor: 1_000, taxClass: 'standard' }, REDUCED] }),
    );
    expect(mostlyFood.shipping.ratePpm).toBe(90_000);
    expect(mostlyFood.shipping.taxMinor).toBe(45); // 4.95 × 9 % = 0.4455
  });

  it('refuses a date the rate table does not reach rather than guess a rate', () => {
    expect(() =>
      decideVat(
        makeOrder({ destinationCountry: 'BE', supplyDate: '1999-01-01', oss: oss(PASSING) }),
      ),
    ).toThrow(/No VAT rates are known for BE on 1999-01-01/);
  });

  it('charges no VAT on a sale inside a country without VAT in the table (US sales tax is not VAT)', () => {
    const vat = decideVat(makeOrder({ originCountry: 'US', destinationCountry: 'US' }));
    expect(vat.scheme).toBe('domestic');
    expect(vat.breakdown.map((r) => r.category)).toEqual(['O']);
    expect(vat.taxMinor).toBe(0);
  });
});

describe('VAT engine: prices with or without VAT, rounded per line or per total', () => {
  const three = (amountMinor: number) =>
    [1, 2, 3].map(() => ({ amountMinor, taxClass: 'standard' as const }));
  const ROUNDING: {
    name: string;
    included: boolean;
    rounding: 'line' | 'total';
    amount: number;
    taxes: number[];
    gross: number;
  }[] = [
    // 0.12 × 21 % = 0.0252 → 0.03 per line; 0.36 × 21 % = 0.0756 → 0.08 for the total.
    {
      name: 'excl. VAT, per line',
      included: false,
      rounding: 'line',
      amount: 12,
      taxes: [3, 3, 3],
      gross: 45,
    },
    {
      name: 'excl. VAT, per total',
      included: false,
      rounding: 'total',
      amount: 12,
      taxes: [3, 3, 2],
      gross: 44,
    },
    // 0.10 incl. 21 % holds 0.0174 → 0.02 per line; 0.30 holds 0.0521 → 0.05 for the total.
    {
      name: 'incl. VAT, per line',
      included: true,
      rounding: 'line',
      amount: 10,
      taxes: [2, 2, 2],
      gross: 30,
    },
    {
      name: 'incl. VAT, per total',
      included: true,
      rounding: 'total',
      amount: 10,
      taxes: [2, 2, 1],
      gross: 30,
    },
  ];

  it.each(ROUNDING)('$name', ({ included, rounding, amount, taxes, gross }) => {
    const vat = decideVat(
      makeOrder({ lines: three(amount), shippingMinor: 0, pricesIncludeTax: included, rounding }),
    );
    expect(vat.lines.map((l) => l.taxMinor)).toEqual(taxes);
    expect(vat.grossMinor).toBe(gross);
    expect(vat.breakdown).toEqual([
      {
        ratePpm: 210_000,
        category: 'S',
        netMinor: vat.netMinor,
        taxMinor: taxes.reduce((a, b) => a + b, 0),
      },
    ]);
    for (const part of [...vat.lines, vat.shipping]) {
      expect(part.netMinor + part.taxMinor).toBe(part.grossMinor);
    }
  });

  it('with prices incl. VAT the customer pays exactly the prices, whatever the rounding', () => {
    for (const rounding of ['line', 'total'] as const) {
      const vat = decideVat(makeOrder({ pricesIncludeTax: true, rounding }));
      expect(vat.grossMinor).toBe(12_495);
      expect(vat.lines.map((l) => l.grossMinor)).toEqual([10_000, 2_000]);
    }
  });
});
