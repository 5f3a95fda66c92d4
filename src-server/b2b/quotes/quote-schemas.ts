// What the quote routes accept and answer.
import { z } from 'zod';
import { optionalText, storableText } from '../../../shared/validation/text';
import { acceptedDate } from '../../../shared/validation/timestamps';

const quantity = z.number().int('must be a whole number').min(1).max(100_000);
const money = z.number().int('must be whole minor units (cents)').min(0).max(1_000_000_000);

export const requestLineSchema = z.object({ sku: storableText(64), quantity });

/** A request for quote: lines as JSON, or a CSV of `SKU,quantity` (one per row). */
export const newQuoteSchema = z
  .object({
    companyId: z.uuid('must be a company id'),
    buyerId: z.uuid('must be a buyer id').optional(),
    lines: z.array(requestLineSchema).min(1).max(500).optional(),
    csv: z.string().max(200_000).optional(),
    requestedDate: acceptedDate().optional(),
    notes: optionalText(2000),
    validUntil: acceptedDate(),
    shippingMinor: money.default(0),
  })
  .refine((q) => (q.lines === undefined) !== (q.csv === undefined), {
    message: 'send either lines or csv',
    path: ['lines'],
  });
export type NewQuote = z.infer<typeof newQuoteSchema>;

export const quoteRevisionSchema = z.object({
  lines: z
    .array(
      requestLineSchema.extend({
        unitPriceMinor: money.optional(),
        discountMinor: money.default(0),
      }),
    )
    .min(1)
    .max(500)
    .optional(),
  shippingMinor: money.optional(),
  validUntil: acceptedDate().optional(),
  notes: optionalText(2000),
});
export type QuoteRevision = z.infer<typeof quoteRevisionSchema>;

export const acceptanceSchema = z.object({ poNumber: optionalText(64) });

/** One row of a quote's or an invoice's VAT breakdown. */
export const vatRowView = z.object({
  category: z
    .enum(['S', 'Z', 'E', 'K', 'G', 'O'])
    .optional()
    .describe('EN 16931 VAT category; absent on documents written before the VAT engine'),
  ratePercent: z.number(),
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
  reverseCharge: z.boolean(),
});

const quoteLineView = z.object({
  sku: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  discountMinor: z.number().int(),
  priceSource: z.string(),
});

export const quoteVersionViewSchema = z.object({
  version: z.number().int(),
  currency: z.string(),
  lines: z.array(quoteLineView),
  shippingMinor: z.number().int(),
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  vat: z.array(vatRowView),
  validUntil: z.string(),
  notes: z.string().nullable(),
  sentAt: z.string().nullable(),
});

export const quoteViewSchema = z.object({
  id: z.string(),
  number: z.string(),
  companyId: z.string(),
  buyerId: z.string().nullable(),
  status: z.enum(['draft', 'sent', 'accepted', 'expired']),
  currentVersion: z.number().int(),
  poNumber: z.string().nullable(),
  orderId: z.string().nullable(),
  versions: z.array(quoteVersionViewSchema),
});
export type QuoteView = z.infer<typeof quoteViewSchema>;

/** `SKU,quantity` rows (a header row is allowed); names the row that is wrong. */
export function parseRequestCsv(csv: string): { sku: string; quantity: number }[] {
  const rows = csv.split(/\r?\n/).map((r) => r.trim());
  const lines: { sku: string; quantity: number }[] = [];
  rows.forEach((row, i) => {
    if (row === '') return;
    const [sku = '', qty = '', ...rest] = row.split(/[,;]/).map((c) => c.trim());
    if (i === 0 && /^sku$/i.test(sku)) return;
    const quantity = Number(qty);
    if (rest.length > 0 || sku === '' || !/^\d+$/.test(qty) || quantity < 1 || quantity > 100_000)
      throw new CsvRowError(i + 1, row);
    lines.push({ sku, quantity });
  });
  if (lines.length === 0) throw new CsvRowError(0, '');
  if (lines.length > 500) throw new CsvRowError(501, 'more than 500 rows');
  return lines;
}

export class CsvRowError extends Error {
  constructor(
    readonly row: number,
    readonly text: string,
  ) {
    super(
      row === 0
        ? 'the CSV has no SKU,quantity rows'
        : `row ${row} is not "SKU,quantity" with a whole quantity from 1 to 100000: "${text.slice(0, 80)}"`,
    );
  }
}
