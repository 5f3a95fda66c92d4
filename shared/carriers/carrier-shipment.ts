// What a carrier needs to announce one carton and print its own label: both parties, weight,
// dimensions, the service and its options, and customs lines for goods leaving the EU. The
// renderer sends these facts to main with the carton (main holds no orders); main's adapters turn
// them into each carrier's request. Validated here because they cross the station API boundary.
import { z } from 'zod';

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO country code such as "NL"');
const text = (max: number) => z.string().trim().min(1).max(max);

export const carrierPartySchema = z
  .object({
    name: text(80),
    company: text(80).optional(),
    /** The street line as the address has it ("Kraaivenstraat 21"); adapters split the number off. */
    street: text(120),
    street2: text(120).optional(),
    postalCode: text(12),
    city: text(60),
    region: text(40).optional(),
    country: countryCode,
    email: z.email().max(120).optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'phone must be 6 to 20 digits, spaces, ( ) or -')
      .optional(),
  })
  .strict();
export type CarrierParty = z.infer<typeof carrierPartySchema>;

export const customsLineSchema = z
  .object({
    description: text(60),
    quantity: z.number().int().positive().max(100_000),
    weightGrams: z.number().int().positive().max(1_000_000),
    /** Value of the line (not per unit) in minor units of `currency`. */
    valueMinor: z.number().int().min(0).max(1_000_000_000),
    hsCode: z.string().regex(/^\d{6,10}$/, 'hsCode must be 6 to 10 digits'),
    originCountry: countryCode,
  })
  .strict();

export const carrierParcelSchema = z
  .object({
    orderNumber: text(35),
    shipFrom: carrierPartySchema,
    shipTo: carrierPartySchema,
    dimensionsMm: z
      .object({
        length: z.number().int().positive().max(5000),
        width: z.number().int().positive().max(5000),
        height: z.number().int().positive().max(5000),
      })
      .strict()
      .optional(),
    options: z
      .object({
        signature: z.boolean().default(false),
        /** Minimum age the driver checks at the door (NL and BE: 18 for alcohol and tobacco). */
        ageCheck: z.literal(18).optional(),
      })
      .strict()
      .default({ signature: false }),
    customs: z
      .object({
        currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code'),
        lines: z.array(customsLineSchema).min(1).max(50),
      })
      .strict()
      .optional(),
  })
  .strict();
export type CarrierParcel = z.infer<typeof carrierParcelSchema>;

/** One carton as an adapter is asked to announce it. */
export interface CarrierShipmentRequest {
  /** The carton's SSCC: our reference at the carrier, so a retry can be recognised. */
  sscc: string;
  service: string;
  weightGrams: number;
  parcel: CarrierParcel;
}

export const carrierLabelSchema = z.object({
  trackingNumber: z.string().regex(/^[A-Z0-9]{8,40}$/),
  /** The carrier's id for the shipment where it differs from the tracking number (cancel needs it). */
  carrierShipmentId: z.string().min(1).max(80),
  format: z.enum(['zpl', 'pdf']),
  /** ZPL as text; a PDF base64-encoded. */
  payload: z.string().min(1).max(4_000_000),
});
export type CarrierLabel = z.infer<typeof carrierLabelSchema>;

/** Destinations inside the EU customs union need no customs data. */
const EU = new Set(
  'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK'.split(' '),
);
export function needsCustoms(from: string, to: string): boolean {
  return from !== to && !(EU.has(from) && EU.has(to));
}
