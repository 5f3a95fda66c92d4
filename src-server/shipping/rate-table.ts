/**
 * Carrier rate tables: a service ships from some countries to destination zones, priced per
 * parcel by weight bracket and zone, in integer minor units (cents) of one currency.
 * The schema validates a table loaded from the database or a file; it also gives the type.
 */
import { z } from 'zod';

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in capitals');
/** Destination key in `zones`: a country, or '*' for every country not listed. */
const destinationKey = z.union([countryCode, z.literal('*')]);

export const rateBracketSchema = z.object({
  /** Heaviest chargeable weight this bracket takes, inclusive. */
  maxKg: z.number().positive(),
  /** zone → price per parcel in minor units. A zone missing here is not served at this weight. */
  price: z.record(z.string().min(1), z.int().nonnegative()),
});

export const shippingServiceSchema = z
  .object({
    carrier: z.string().min(1).max(40),
    service: z.string().min(1).max(40),
    name: z.string().min(1).max(120),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code'),
    fromCountries: z.array(countryCode).min(1),
    zones: z.record(destinationKey, z.string().min(1)),
    brackets: z.array(rateBracketSchema).min(1),
    /** zone → business days from pickup to delivery; 0 is same-day. */
    transitDays: z.record(z.string().min(1), z.int().nonnegative()),
    /** cm³ per kg for volumetric weight (5000 is usual for express), or null when not charged. */
    volumetricDivisor: z.number().positive().nullable(),
  })
  .superRefine((svc, ctx) => {
    svc.brackets.forEach((bracket, i) => {
      const previous = svc.brackets[i - 1];
      if (previous && bracket.maxKg <= previous.maxKg) {
        ctx.addIssue({
          code: 'custom',
          path: ['brackets', i, 'maxKg'],
          message: 'brackets must rise in weight',
        });
      }
    });
    for (const zone of new Set(Object.values(svc.zones))) {
      if (svc.transitDays[zone] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['transitDays', zone],
          message: `zone ${zone} has no transit days`,
        });
      }
    }
  });

export type RateBracket = z.infer<typeof rateBracketSchema>;
export type ShippingService = z.infer<typeof shippingServiceSchema>;

export interface Dimensions {
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

export interface Parcel {
  weightKg: number;
  dimensions?: Dimensions | null;
}

export const DEFAULT_VOLUMETRIC_DIVISOR = 5000;

/** Weights are kept to the gram so float noise (1.2000000000000002) never tips a bracket. */
const toGrams = (kg: number): number => Math.round(kg * 1000) / 1000;

/** The weight a carrier bills for the parcel's volume: L × W × H (cm) / divisor (cm³ per kg). */
export function volumetricWeightKg(
  dimensions: Dimensions,
  divisor = DEFAULT_VOLUMETRIC_DIVISOR,
): number {
  const { lengthCm, widthCm, heightCm } = dimensions;
  return toGrams((lengthCm * widthCm * heightCm) / divisor);
}

/** The greater of actual and volumetric weight; actual alone when there are no dimensions or no divisor. */
export function chargeableWeightKg(
  actualKg: number,
  dimensions?: Dimensions | null,
  divisor: number | null = DEFAULT_VOLUMETRIC_DIVISOR,
): number {
  if (!dimensions || divisor === null) return toGrams(actualKg);
  return Math.max(toGrams(actualKg), volumetricWeightKg(dimensions, divisor));
}

/** The service's zone for a destination country, falling back to '*'; null when not served. */
export function zoneFor(service: ShippingService, toCountry: string): string | null {
  return service.zones[toCountry] ?? service.zones['*'] ?? null;
}

/** The price of one parcel in minor units, or null when the weight or zone is beyond the table. */
export function parcelPrice(
  service: ShippingService,
  zone: string,
  chargeableKg: number,
): number | null {
  const bracket = service.brackets.find((b) => chargeableKg <= b.maxKg);
  return bracket?.price[zone] ?? null;
}
