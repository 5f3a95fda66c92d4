import { describe, expect, it } from 'vitest';
import { chooseShippingService } from './choose-service';
import type { ChooseShippingInput, ShippingChoiceResult } from './choose-service';
import { DEMO_SHIPPING_SERVICES } from './demo-rates';
import type { ShippingService } from './rate-table';

/** A one-zone service to NL/BE/DE from NL, with one price up to `maxKg`. */
const makeService = (
  code: string,
  price: number,
  days: number,
  overrides: Partial<ShippingService> = {},
): ShippingService => ({
  carrier: code,
  service: 'standard',
  name: `${code} standard`,
  currency: 'EUR',
  fromCountries: ['NL'],
  zones: { NL: 'z', BE: 'z', DE: 'z' },
  brackets: [{ maxKg: 10, price: { z: price } }],
  transitDays: { z: days },
  volumetricDivisor: null,
  ...overrides,
});

const cheapSlow = makeService('cheap', 500, 3);
const middle = makeService('middle', 900, 1);
const sameDay = makeService('sameday', 2500, 0);

// 2025-06-04 is a Wednesday; 2025-06-06 a Friday.
const makeInput = (overrides: Partial<ChooseShippingInput> = {}): ChooseShippingInput =>
  ({
    fromCountry: 'NL',
    toCountry: 'NL',
    weightKg: 1,
    shipDate: '2025-06-04',
    services: [sameDay, cheapSlow, middle],
    ...overrides,
  }) as ChooseShippingInput;

const chosen = (result: ShippingChoiceResult) => {
  if (!result.ok) throw new Error(result.message);
  return result.choice;
};

describe('choosing a shipping service', () => {
  it('takes the cheapest service that meets the promised date', () => {
    expect(
      chosen(chooseShippingService(makeInput({ promisedDeliveryDate: '2025-06-05' }))),
    ).toEqual({
      carrier: 'middle',
      service: 'standard',
      name: 'middle standard',
      zone: 'z',
      cost: 900,
      currency: 'EUR',
      transitDays: 1,
      estimatedDelivery: '2025-06-05',
      chargeableWeightKg: 1,
      late: false,
    });
  });

  it('takes the cheapest service when no date was promised', () => {
    expect(chosen(chooseShippingService(makeInput())).carrier).toBe('cheap');
  });

  it('falls back to the fastest service and flags it late when none meets the date', () => {
    const choice = chosen(chooseShippingService(makeInput({ promisedDeliveryDate: '2025-06-03' })));
    expect(choice).toMatchObject({
      carrier: 'sameday',
      estimatedDelivery: '2025-06-04',
      late: true,
    });
  });

  it('counts a Friday handover with next-day transit as a Monday delivery', () => {
    const input = makeInput({ shipDate: '2025-06-06', promisedDeliveryDate: '2025-06-09' });
    expect(chosen(chooseShippingService(input))).toMatchObject({
      carrier: 'middle',
      estimatedDelivery: '2025-06-09',
    });
  });

  it('collects a Saturday handover on Monday, so only same-day meets a Monday promise', () => {
    const input = makeInput({ shipDate: '2025-06-07', promisedDeliveryDate: '2025-06-09' });
    expect(chosen(chooseShippingService(input))).toMatchObject({ carrier: 'sameday', late: false });
  });

  it('bills a big light box by volume where the service charges volume', () => {
    const byVolume = makeService('volume', 400, 1, {
      brackets: [
        { maxKg: 2, price: { z: 400 } },
        { maxKg: 10, price: { z: 1200 } },
      ],
      volumetricDivisor: 5000,
    });
    const box = { lengthCm: 40, widthCm: 30, heightCm: 20 }; // 4.8 kg by volume
    const input = makeInput({ weightKg: 1, dimensions: box, services: [byVolume, middle] });
    const result = chooseShippingService(input);
    expect(chosen(result).carrier).toBe('middle');
    expect(result.ok && result.candidates.find((q) => q.carrier === 'volume')).toMatchObject({
      cost: 1200,
      chargeableWeightKg: 4.8,
    });
  });

  it('prices every parcel of a multi-carton shipment and adds the costs in cents', () => {
    const input = makeInput({ parcels: [{ weightKg: 2 }, { weightKg: 3.5 }, { weightKg: 0.25 }] });
    expect(chosen(chooseShippingService(input))).toMatchObject({
      cost: 1500,
      chargeableWeightKg: 5.75,
    });
  });

  it('breaks a tie on cost and date by carrier code', () => {
    const services = [makeService('zeta', 500, 1), makeService('alpha', 500, 1)];
    expect(chosen(chooseShippingService(makeInput({ services }))).carrier).toBe('alpha');
  });

  it('refuses a destination no service covers', () => {
    expect(chooseShippingService(makeInput({ toCountry: 'JP' }))).toMatchObject({
      ok: false,
      code: 'destination_not_covered',
      message: 'No shipping service ships from NL to JP.',
    });
    expect(chooseShippingService(makeInput({ fromCountry: 'FR' }))).toMatchObject({
      ok: false,
      code: 'destination_not_covered',
    });
  });

  it('refuses a parcel heavier than every service takes', () => {
    expect(chooseShippingService(makeInput({ weightKg: 12 }))).toMatchObject({
      ok: false,
      code: 'too_heavy',
    });
  });

  it('refuses to compare prices in different currencies', () => {
    const services = [cheapSlow, makeService('pound', 300, 1, { currency: 'GBP' })];
    expect(chooseShippingService(makeInput({ services }))).toMatchObject({
      ok: false,
      code: 'mixed_currencies',
    });
  });

  it('refuses an impossible ship date', () => {
    expect(() => chooseShippingService(makeInput({ shipDate: '2025-02-30' }))).toThrow(RangeError);
  });
});

describe('the demo rate catalogue', () => {
  // 2025-06-02 is a Monday.
  const demo = (overrides: Partial<ChooseShippingInput>) =>
    chosen(
      chooseShippingService(
        makeInput({ shipDate: '2025-06-02', services: DEMO_SHIPPING_SERVICES, ...overrides }),
      ),
    );

  it.each<[string, Partial<ChooseShippingInput>, string, number]>([
    [
      'NL → NL next day',
      { promisedDeliveryDate: '2025-06-03', weightKg: 1.5 },
      'postnl/parcel',
      475,
    ],
    [
      'NL → NL same day',
      { promisedDeliveryDate: '2025-06-02', weightKg: 1.5 },
      'own/same-day',
      795,
    ],
    ['BE → BE', { fromCountry: 'BE', toCountry: 'BE', weightKg: 4 }, 'bpost/parcel', 645],
    ['DE → DE', { fromCountry: 'DE', toCountry: 'DE', weightKg: 4 }, 'dhl-parcel/paket', 599],
    [
      'NL → DE next day',
      { toCountry: 'DE', weightKg: 3, promisedDeliveryDate: '2025-06-03' },
      'dpd/classic',
      695,
    ],
    [
      'NL → FR next day',
      { toCountry: 'FR', weightKg: 4, promisedDeliveryDate: '2025-06-03' },
      'ups/express-saver',
      2650,
    ],
    ['NL → US', { toCountry: 'US', weightKg: 2 }, 'ups/express-saver', 5850],
    ['NL → AU (rest of world)', { toCountry: 'AU', weightKg: 2 }, 'ups/express-saver', 6950],
  ])('ships %s with the expected service and cost', (_route, overrides, service, cost) => {
    const choice = demo(overrides);
    expect(`${choice.carrier}/${choice.service}`).toBe(service);
    expect(choice.cost).toBe(cost);
    expect(choice.late).toBe(false);
  });
});
