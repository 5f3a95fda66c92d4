// The VAT engine's verdict on an order as the API shows it (GET /v1/orders/:id).
import { z } from 'zod';
import { ppmToPercent } from '../../shared/orders/order-money-schema';
import type { OrderVatRecord } from './tax-schema';

const category = z
  .enum(['S', 'Z', 'E', 'K', 'G', 'O'])
  .describe(
    'EN 16931 VAT category: S standard/reduced, Z zero, E exempt, K intra-Community (reverse charge), G export, O not subject to VAT',
  );

export const orderVatViewSchema = z
  .object({
    scheme: z.enum(['domestic', 'distance_sale_origin', 'oss', 'reverse_charge', 'export']),
    /** `channel`: the order's tax is the channel's; `oms`: the engine computed it. */
    taxSource: z.enum(['channel', 'oms']),
    /** Whether the channel's tax equals the engine's, part by part; null when the engine computed it. */
    matchesEngine: z.boolean().nullable(),
    originCountry: z.string(),
    /** Whose rates apply; null when no VAT is charged. */
    rateCountry: z.string().nullable(),
    supplyDate: z.string(),
    rounding: z.enum(['line', 'total']),
    legalMention: z.string().nullable(),
    customerVatCountry: z.string().nullable(),
    /** The engine's tax per category and rate. */
    breakdown: z.array(
      z.object({
        category,
        ratePercent: z.number(),
        netMinor: z.number().int(),
        taxMinor: z.number().int(),
      }),
    ),
    engineTaxMinor: z.number().int(),
    /** The parts the channel taxed otherwise than the engine. */
    differences: z.array(
      z.object({
        part: z.string(),
        channelTaxMinor: z.number().int(),
        engineTaxMinor: z.number().int(),
        channelRatePercent: z.number().nullable(),
        engineRatePercent: z.number(),
      }),
    ),
  })
  .nullable()
  .describe('The VAT engine on this order; null for orders placed before it or outside its rates');
export type OrderVatView = z.infer<typeof orderVatViewSchema>;

export function orderVatView(record: OrderVatRecord | null): OrderVatView {
  if (!record) return null;
  const d = record.decision;
  return {
    scheme: d.scheme,
    taxSource: record.source,
    matchesEngine: record.check?.matches ?? null,
    originCountry: record.originCountry,
    rateCountry: d.rateCountry,
    supplyDate: d.supplyDate,
    rounding: d.rounding,
    legalMention: d.legalMention,
    customerVatCountry: d.customerVatCountry,
    breakdown: d.breakdown.map((row) => ({
      category: row.category,
      ratePercent: ppmToPercent(row.ratePpm),
      netMinor: row.netMinor,
      taxMinor: row.taxMinor,
    })),
    engineTaxMinor: d.taxMinor,
    differences: (record.check?.differences ?? []).map((x) => ({
      part: x.part,
      channelTaxMinor: x.channelTaxMinor,
      engineTaxMinor: x.engineTaxMinor,
      channelRatePercent: x.channelRatePpm === null ? null : ppmToPercent(x.channelRatePpm),
      engineRatePercent: ppmToPercent(x.engineRatePpm),
    })),
  };
}
