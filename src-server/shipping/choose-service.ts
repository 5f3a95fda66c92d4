/**
 * Choosing the shipping service for a fulfillment order.
 *
 * Rules:
 * - A service is a candidate when it ships from `fromCountry`, has a zone for `toCountry`
 *   (or a '*' zone) and prices every parcel at its chargeable weight in that zone.
 * - Cost is the sum of the parcels' prices, in integer minor units of the service's currency.
 * - Delivery is estimated in business days from the ship date (see business-days.ts).
 * - With a promised date: the cheapest candidate that arrives on or before it. When none does,
 *   the fastest candidate, flagged `late: true`. Without a promised date: the cheapest.
 * - Ties: cheaper, then earlier delivery, then carrier and service code, so the choice is stable.
 * - Prices in different currencies are not compared: candidates must share one currency.
 */
import { assertIsoDate, estimateDeliveryDate } from './business-days';
import type { HolidayTest } from './business-days';
import { chargeableWeightKg, parcelPrice, zoneFor } from './rate-table';
import type { Dimensions, Parcel, ShippingService } from './rate-table';

export type ShipmentWeight =
  { parcels: readonly Parcel[] } | { weightKg: number; dimensions?: Dimensions | null };

export type ChooseShippingInput = ShipmentWeight & {
  fromCountry: string;
  toCountry: string;
  /** The day the warehouse hands the parcels over, YYYY-MM-DD. */
  shipDate: string;
  /** Public holidays on which no parcel is collected or delivered (none by default). */
  isHoliday?: HolidayTest | undefined;
  /** The day the customer was promised, YYYY-MM-DD. */
  promisedDeliveryDate?: string | null;
  services: readonly ShippingService[];
};

export interface ShippingQuote {
  carrier: string;
  service: string;
  name: string;
  zone: string;
  /** Total for all parcels, integer minor units (cents). */
  cost: number;
  currency: string;
  transitDays: number;
  estimatedDelivery: string;
  /** Sum of the parcels' chargeable weights as this service bills them. */
  chargeableWeightKg: number;
}

export interface ShippingChoice extends ShippingQuote {
  /** True when no candidate meets the promised date and this is the fastest instead. */
  late: boolean;
}

export type ShippingRefusalCode = 'destination_not_covered' | 'too_heavy' | 'mixed_currencies';

export type ShippingChoiceResult =
  | { ok: true; choice: ShippingChoice; candidates: ShippingQuote[] }
  | { ok: false; code: ShippingRefusalCode; message: string };

export function chooseShippingService(input: ChooseShippingInput): ShippingChoiceResult {
  assertIsoDate(input.shipDate);
  if (input.promisedDeliveryDate) assertIsoDate(input.promisedDeliveryDate);
  const parcels =
    'parcels' in input
      ? input.parcels
      : [{ weightKg: input.weightKg, dimensions: input.dimensions }];
  const route = `from ${input.fromCountry} to ${input.toCountry}`;
  const serving = input.services.filter(
    (s) => s.fromCountries.includes(input.fromCountry) && zoneFor(s, input.toCountry) !== null,
  );
  if (serving.length === 0) {
    return {
      ok: false,
      code: 'destination_not_covered',
      message: `No shipping service ships ${route}.`,
    };
  }
  if (parcels.length === 0) throw new RangeError('a shipment needs at least one parcel');

  const candidates = serving
    .map((service) => quote(service, input, parcels))
    .filter((q): q is ShippingQuote => q !== null)
    .sort(byCostThenSpeed);
  if (candidates.length === 0) {
    const heaviest = Math.max(...parcels.map((p) => chargeableWeightKg(p.weightKg, p.dimensions)));
    return {
      ok: false,
      code: 'too_heavy',
      message: `No service ${route} takes these parcels (heaviest about ${heaviest} kg chargeable).`,
    };
  }
  const currencies = new Set(candidates.map((q) => q.currency));
  if (currencies.size > 1) {
    return {
      ok: false,
      code: 'mixed_currencies',
      message: `Services ${route} are priced in ${[...currencies].join(', ')}; pass services of one currency.`,
    };
  }

  const promised = input.promisedDeliveryDate;
  const onTime = promised ? candidates.filter((q) => q.estimatedDelivery <= promised) : candidates;
  const cheapestOnTime = onTime[0];
  if (cheapestOnTime) return { ok: true, choice: { ...cheapestOnTime, late: false }, candidates };
  const fastest = [...candidates].sort(bySpeedThenCost)[0] as ShippingQuote;
  return { ok: true, choice: { ...fastest, late: true }, candidates };
}

function quote(
  service: ShippingService,
  input: ChooseShippingInput,
  parcels: readonly Parcel[],
): ShippingQuote | null {
  const zone = zoneFor(service, input.toCountry);
  const transitDays = zone === null ? undefined : service.transitDays[zone];
  if (zone === null || transitDays === undefined) return null;
  let cost = 0;
  let chargeable = 0;
  for (const parcel of parcels) {
    const weight = chargeableWeightKg(
      parcel.weightKg,
      parcel.dimensions,
      service.volumetricDivisor,
    );
    const price = parcelPrice(service, zone, weight);
    if (price === null) return null;
    cost += price;
    chargeable += weight;
  }
  return {
    carrier: service.carrier,
    service: service.service,
    name: service.name,
    zone,
    cost,
    currency: service.currency,
    transitDays,
    estimatedDelivery: estimateDeliveryDate(input.shipDate, transitDays, input.isHoliday),
    chargeableWeightKg: Math.round(chargeable * 1000) / 1000,
  };
}

const byCodes = (a: ShippingQuote, b: ShippingQuote): number => {
  const ka = `${a.carrier}/${a.service}`;
  const kb = `${b.carrier}/${b.service}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
const byDelivery = (a: ShippingQuote, b: ShippingQuote): number =>
  a.estimatedDelivery < b.estimatedDelivery
    ? -1
    : a.estimatedDelivery > b.estimatedDelivery
      ? 1
      : 0;

const byCostThenSpeed = (a: ShippingQuote, b: ShippingQuote): number =>
  a.cost - b.cost || byDelivery(a, b) || byCodes(a, b);
const bySpeedThenCost = (a: ShippingQuote, b: ShippingQuote): number =>
  byDelivery(a, b) || a.cost - b.cost || byCodes(a, b);
