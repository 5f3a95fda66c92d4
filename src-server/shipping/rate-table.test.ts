import { describe, expect, it } from 'vitest';
import {
  chargeableWeightKg,
  parcelPrice,
  shippingServiceSchema,
  volumetricWeightKg,
  zoneFor,
} from './rate-table';
import type { ShippingService } from './rate-table';

const makeService = (overrides: Partial<ShippingService> = {}): ShippingService => ({
  carrier: 'test',
  service: 'parcel',
  name: 'Test Parcel',
  currency: 'EUR',
  fromCountries: ['NL'],
  zones: { NL: 'domestic', BE: 'near', '*': 'world' },
  brackets: [
    { maxKg: 2, price: { domestic: 500, near: 900, world: 2000 } },
    { maxKg: 10, price: { domestic: 700, near: 1300 } },
  ],
  transitDays: { domestic: 1, near: 2, world: 5 },
  volumetricDivisor: 5000,
  ...overrides,
});

describe('volumetric and chargeable weight', () => {
  const box = { lengthCm: 40, widthCm: 30, heightCm: 20 }; // 24,000 cm³

  it('computes volumetric weight as L × W × H over the divisor', () => {
    expect(volumetricWeightKg(box)).toBe(4.8);
    expect(volumetricWeightKg(box, 6000)).toBe(4);
  });

  it('charges the volume of a big light box', () => {
    expect(chargeableWeightKg(1.1, box)).toBe(4.8);
  });

  it('charges the actual weight of a small heavy box', () => {
    expect(chargeableWeightKg(9.5, box)).toBe(9.5);
  });

  it('charges actual weight when dimensions are unknown or the service ignores volume', () => {
    expect(chargeableWeightKg(1.1, undefined)).toBe(1.1);
    expect(chargeableWeightKg(1.1, box, null)).toBe(1.1);
  });

  it('keeps weights to the gram so float noise does not tip a bracket', () => {
    expect(volumetricWeightKg({ lengthCm: 30, widthCm: 20, heightCm: 10 }, 5000)).toBe(1.2);
    expect(chargeableWeightKg(0.1 + 0.2)).toBe(0.3);
  });
});

describe('rate brackets and zones', () => {
  const service = makeService();

  it.each([
    [0.001, 500],
    [2, 500], // a bracket's maximum is inclusive
    [2.001, 700],
    [10, 700],
    [10.001, null], // beyond the heaviest bracket
  ])('prices a %s kg domestic parcel at %s', (kg, price) => {
    expect(parcelPrice(service, 'domestic', kg)).toBe(price);
  });

  it('does not serve a zone at a weight its bracket has no price for', () => {
    expect(parcelPrice(service, 'world', 1.5)).toBe(2000);
    expect(parcelPrice(service, 'world', 3)).toBeNull();
  });

  it('finds the zone of a listed country, else the rest-of-world zone', () => {
    expect(zoneFor(service, 'BE')).toBe('near');
    expect(zoneFor(service, 'JP')).toBe('world');
    expect(zoneFor(makeService({ zones: { NL: 'domestic' } }), 'JP')).toBeNull();
  });
});

describe('rate table validation', () => {
  it('accepts a well-formed service', () => {
    expect(shippingServiceSchema.safeParse(makeService()).success).toBe(true);
  });

  it.each<[string, Partial<ShippingService>, string]>([
    [
      'a price in fractional cents',
      { brackets: [{ maxKg: 2, price: { domestic: 4.95 } }] },
      'brackets.0.price.domestic',
    ],
    [
      'brackets that do not rise',
      {
        brackets: [
          { maxKg: 5, price: {} },
          { maxKg: 2, price: {} },
        ],
      },
      'brackets.1.maxKg',
    ],
    ['a zone without transit days', { transitDays: { domestic: 1, near: 2 } }, 'transitDays.world'],
    ['a lower-case currency', { currency: 'eur' }, 'currency'],
  ])('refuses %s and names the field', (_what, overrides, field) => {
    const result = shippingServiceSchema.safeParse(makeService(overrides));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});
