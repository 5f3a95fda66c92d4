import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAD_DATES, blankText } from '../../test/support/hostile-values';
import { canonicalOrderSchema } from './order-schema';

const address = (over: Record<string, unknown> = {}) => ({
  name: 'Emma de Vries',
  company: 'Studio Noord',
  line1: 'Damrak 1',
  line2: '3e etage',
  postalCode: '1012 AB',
  city: 'Amsterdam',
  region: 'NH',
  country: 'NL',
  phone: '+31 20 123 4567',
  ...over,
});
const companyOrder = () => ({
  channelOrderRef: 'B2B-1',
  currency: 'EUR',
  poNumber: 'PO-1',
  customer: {
    type: 'company',
    companyName: 'Bakkerij Verhoeven BV',
    vatNumber: 'NL004495445B01',
    buyer: { name: 'Daan Bakker', email: 'daan@example.com' },
  },
  shipTo: address(),
  billTo: address(),
  lines: [{ sku: 'SKU-1', quantity: 1, name: 'Mug' }],
});
const personOrder = () => ({
  ...companyOrder(),
  customer: { type: 'person', name: 'Emma de Vries', email: 'emma@example.com' },
});

type Path = readonly (string | number)[];
const REQUIRED: readonly [() => Record<string, unknown>, Path][] = [
  [personOrder, ['channelOrderRef']],
  [personOrder, ['customer', 'name']],
  [companyOrder, ['customer', 'companyName']],
  [companyOrder, ['customer', 'buyer', 'name']],
  ...['shipTo', 'billTo'].flatMap((a) =>
    ['name', 'line1', 'postalCode', 'city'].map(
      (f) => [personOrder, [a, f]] as [() => Record<string, unknown>, Path],
    ),
  ),
  [personOrder, ['lines', 0, 'sku']],
];
const OPTIONAL: readonly [() => Record<string, unknown>, Path][] = [
  [companyOrder, ['poNumber']],
  [companyOrder, ['customer', 'vatNumber']],
  ...['company', 'line2', 'region', 'phone'].map(
    (f) => [personOrder, ['shipTo', f]] as [() => Record<string, unknown>, Path],
  ),
  [personOrder, ['lines', 0, 'name']],
];

function set(target: Record<string, unknown>, path: Path, value: unknown) {
  let at = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
  return target;
}
const get = (target: unknown, path: Path) =>
  path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)?.[key], target);
const issuePaths = (input: unknown) =>
  canonicalOrderSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('the canonical order refuses what cannot be right', () => {
  it('accepts the example orders', () => {
    expect(canonicalOrderSchema.safeParse(personOrder()).success).toBe(true);
    expect(canonicalOrderSchema.safeParse(companyOrder()).success).toBe(true);
  });

  it('refuses blank text of any shape in every required field, naming the field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REQUIRED), blankText(), ([make, path], blank) => {
        expect(issuePaths(set(make(), path, blank))).toEqual([path.join('.')]);
      }),
      { numRuns: 500 },
    );
  });

  it('treats blank text in an optional field as absent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPTIONAL), blankText(), ([make, path], blank) => {
        const parsed = canonicalOrderSchema.parse(set(make(), path, blank));
        expect(get(parsed, path)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('trims the text it keeps', () => {
    const order = set(
      set(personOrder(), ['shipTo', 'city'], '  Amsterdam\t'),
      ['channelOrderRef'],
      ' W-1 ',
    );
    const parsed = canonicalOrderSchema.parse(order);
    expect([parsed.shipTo.city, parsed.channelOrderRef]).toEqual(['Amsterdam', 'W-1']);
  });

  it('refuses placedAt and promisedDeliveryDate outside 2000–2100 or malformed', () => {
    for (const date of BAD_DATES) {
      expect(issuePaths({ ...personOrder(), placedAt: date }), date).toEqual(['placedAt']);
      expect(issuePaths({ ...personOrder(), promisedDeliveryDate: date }), date).toEqual([
        'promisedDeliveryDate',
      ]);
    }
    expect(issuePaths({ ...personOrder(), placedAt: '2026-06-01T10:00:00+02:00' })).toEqual([]);
    expect(issuePaths({ ...personOrder(), promisedDeliveryDate: '2026-06-03' })).toEqual([]);
  });

  it("checks each address's postal code against its own country", () => {
    for (const code of ['NaN', '1', '1 OR 1=1'])
      expect(issuePaths(set(personOrder(), ['shipTo', 'postalCode'], code))).toEqual([
        'shipTo.postalCode',
      ]);
    const toGhent = set(personOrder(), ['billTo'], address({ country: 'BE', postalCode: '9000' }));
    expect(issuePaths(toGhent)).toEqual([]);
    expect(issuePaths(set(toGhent, ['billTo', 'postalCode'], '1012 AB'))).toEqual([
      'billTo.postalCode',
    ]);
  });

  it("checks the company's VAT number against the billing country, else the shipping country", () => {
    expect(issuePaths(set(companyOrder(), ['customer', 'vatNumber'], 'not a vat'))).toEqual([
      'customer.vatNumber',
    ]);
    const belgian = set(companyOrder(), ['billTo'], address({ country: 'BE', postalCode: '9000' }));
    expect(issuePaths(set(belgian, ['customer', 'vatNumber'], '0411.905.847'))).toEqual([]);
    const { billTo: _, ...noBillTo } = companyOrder();
    expect(issuePaths(set(noBillTo, ['customer', 'vatNumber'], 'GB980780684'))).toEqual([
      'customer.vatNumber',
    ]);
  });
});

describe('order currency', () => {
  it.each(['EUR', 'JPY', 'KWD', 'CHF', 'BRL', 'ZAR'])(
    'accepts %s, an active ISO 4217 code',
    (c) => {
      expect(canonicalOrderSchema.safeParse({ ...personOrder(), currency: c }).success).toBe(true);
    },
  );

  it.each(['eur', 'XYZ', 'NLG', 'EU', ''])('refuses %s, naming the currency field', (c) => {
    const result = canonicalOrderSchema.safeParse({ ...personOrder(), currency: c });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['currency'],
      message: expect.stringMatching(/ISO 4217/),
    });
  });
});

describe('order address regions', () => {
  it('refuses a Chinese address without its province, naming shipTo.region, and takes it with one', () => {
    const cn = address({ country: 'CN', postalCode: '100004', city: 'Beijing', region: undefined });
    const missing = canonicalOrderSchema.safeParse({ ...personOrder(), shipTo: cn, billTo: cn });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toContain(
      'shipTo.region: is required in CN: one of its 34 regions (Anhui Sheng, Macau, Beijing Shi …)',
    );
    const withProvince = { ...cn, region: 'Beijing Shi' };
    expect(
      canonicalOrderSchema.safeParse({
        ...personOrder(),
        shipTo: withProvince,
        billTo: withProvince,
      }).success,
    ).toBe(true);
  });

  it('fills in the US state its ZIP decides and stores codes as the post writes them', () => {
    const us = address({
      country: 'US',
      postalCode: '101181234',
      city: 'New York',
      region: undefined,
    });
    const parsed = canonicalOrderSchema.parse({ ...personOrder(), shipTo: us, billTo: us });
    expect(parsed.shipTo).toMatchObject({ postalCode: '10118-1234', region: 'NY' });
    const nl = address({ country: 'NL', postalCode: ' 1012ab', region: undefined });
    expect(canonicalOrderSchema.parse({ ...personOrder(), shipTo: nl }).shipTo.postalCode).toBe(
      '1012 AB',
    );
  });

  it('names the field, the value and the country’s rule for a wrong postal code', () => {
    const nl = address({ country: 'NL', postalCode: '1234', region: undefined });
    const result = canonicalOrderSchema.safeParse({ ...personOrder(), shipTo: nl });
    expect(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toContain(
      'shipTo.postalCode: 1234 is not a postal code of Netherlands (NL) (1234 AB or 2490 AA)',
    );
  });
});
