import { z } from 'zod';
import { ssccSchema } from '../gs1/sscc';
import { packingSlipLineMoneyFields, packingSlipMoneySchema } from './packing-slip-money';

/** Label inputs. Templates assume data that passed these schemas. */

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as NL');
const labelText = (max: number) => z.string().trim().min(1).max(max);
/** Barcode contents stay printable ASCII so every scanner reads them the same way. */
const barcodeText = (max: number) =>
  z
    .string()
    .regex(
      new RegExp(`^[A-Za-z0-9\\-./:]{1,${max}}$`),
      `must be 1 to ${max} letters, digits or - . / :`,
    );

export const labelAddressSchema = z.object({
  name: labelText(60),
  company: labelText(60).optional(),
  street: labelText(80),
  street2: labelText(80).optional(),
  postalCode: labelText(12),
  city: labelText(50),
  /** State, province or county; printed where the country's format has it (US state). */
  region: labelText(40).optional(),
  country: countryCode,
});
export type LabelAddress = z.infer<typeof labelAddressSchema>;

export const shippingLabelDataSchema = z
  .object({
    shipFrom: labelAddressSchema,
    shipTo: labelAddressSchema,
    carrier: z.object({ name: labelText(30), service: labelText(30) }),
    trackingNumber: barcodeText(35),
    sscc: ssccSchema,
    orderNumber: labelText(30),
    poNumber: labelText(30).optional(),
    cartonIndex: z.number().int().min(1),
    cartonCount: z.number().int().min(1),
    weightGrams: z.number().int().positive(),
  })
  .refine((label) => label.cartonIndex <= label.cartonCount, {
    message: 'cartonIndex may not exceed cartonCount',
    path: ['cartonIndex'],
  });
export type ShippingLabelData = z.infer<typeof shippingLabelDataSchema>;

export const packingSlipLineSchema = z.object({
  sku: labelText(40),
  name: labelText(120),
  quantity: z.number().int().positive(),
  ...packingSlipLineMoneyFields,
});

export const packingSlipDataSchema = z.object({
  orderNumber: barcodeText(30),
  poNumber: labelText(30).optional(),
  /** ISO date (YYYY-MM-DD) the order was placed. */
  orderDate: z.iso.date(),
  shipFrom: labelAddressSchema,
  shipTo: labelAddressSchema,
  lines: z.array(packingSlipLineSchema).min(1),
  note: labelText(200).optional(),
  /** The order's money; without it the slip lists quantities only. */
  money: packingSlipMoneySchema.optional(),
});
export type PackingSlipData = z.infer<typeof packingSlipDataSchema>;

export const returnLabelDataSchema = z.object({
  rmaId: barcodeText(30),
  orderNumber: labelText(30),
  /** The customer sending the parcel back. */
  returnFrom: labelAddressSchema,
  /** The returns warehouse. */
  returnTo: labelAddressSchema,
  carrier: z.object({ name: labelText(30), service: labelText(30) }).optional(),
  trackingNumber: barcodeText(35).optional(),
});
export type ReturnLabelData = z.infer<typeof returnLabelDataSchema>;

export const cn22CategorySchema = z.enum([
  'gift',
  'commercial-sample',
  'documents',
  'returned-goods',
  'sale-of-goods',
  'other',
]);
export type Cn22Category = z.infer<typeof cn22CategorySchema>;

export const cn22LineSchema = z.object({
  description: labelText(60),
  quantity: z.number().int().positive(),
  /** Net weight of the whole line. */
  weightGrams: z.number().int().positive(),
  /** Value of the whole line in minor units (cents), so totals add up exactly. */
  valueMinor: z.number().int().nonnegative(),
  hsCode: z.string().regex(/^\d{6,10}$/, 'hsCode must be 6 to 10 digits'),
  originCountry: countryCode,
});

/** The CN22 form has room for a few lines; more goods need a CN23. */
export const CN22_MAX_LINES = 5;

export const cn22DataSchema = z.object({
  sender: labelAddressSchema,
  recipient: labelAddressSchema,
  /** Postal operator or carrier that carries the item ("designated operator" on the form). */
  carrierName: labelText(30),
  category: cn22CategorySchema,
  categoryExplanation: labelText(60).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as EUR'),
  lines: z
    .array(cn22LineSchema)
    .min(1)
    .max(CN22_MAX_LINES, `more than ${CN22_MAX_LINES} lines need a CN23`),
  trackingNumber: barcodeText(35).optional(),
  /** ISO date the sender signs for. */
  date: z.iso.date(),
});
export type Cn22Data = z.infer<typeof cn22DataSchema>;
