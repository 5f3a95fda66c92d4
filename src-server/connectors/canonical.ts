// A connector's mapped order must pass the same validation as a directly posted one, and its
// money must add up to the channel's own totals before it joins the intake queue.
import { canonicalOrderSchema } from '../../shared/orders/order-schema';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { ApiError, fieldPath } from '../http/api-error';
import { priceOrderMoney } from '../orders/order-money';

/** The channel's own names of the canonical totals, so a refusal names the field it sent. */
export interface ChannelTotalFields {
  grandTotalMinor: string;
  taxTotalMinor: string;
}

export function validateMappedOrder(
  platform: string,
  mapped: CanonicalOrder,
  totals: ChannelTotalFields,
): CanonicalOrder {
  const result = canonicalOrderSchema.safeParse(mapped);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue ? fieldPath(issue.path) : 'body';
    throw new ApiError(
      422,
      'unmappable_order',
      `The ${platform} order maps to an invalid order: ${field}: ${issue?.message ?? 'is invalid'}`,
      field,
    );
  }
  const order = result.data;
  try {
    // Connectors always send unit prices, so the money is checked without the catalogue.
    priceOrderMoney(
      order,
      order.lines.map((line) => line.unitPriceMinor ?? 0),
    );
  } catch (error) {
    if (!(error instanceof ApiError) || error.field === undefined) throw error;
    const channelField =
      error.field === 'grandTotalMinor' || error.field === 'taxTotalMinor'
        ? totals[error.field]
        : undefined;
    throw channelField
      ? new ApiError(
          error.statusCode,
          error.code,
          `The ${platform} order's ${channelField}: ${error.message}`,
          channelField,
        )
      : new ApiError(
          error.statusCode,
          error.code,
          `The ${platform} order, as mapped: ${error.message}`,
          error.field,
        );
  }
  return order;
}
