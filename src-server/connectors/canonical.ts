// A connector's mapped order must pass the same validation as a directly posted one.
import { canonicalOrderSchema } from '../../shared/orders/order-schema';
import type { CanonicalOrder } from '../../shared/orders/order-schema';
import { ApiError, fieldPath } from '../http/api-error';

export function validateMappedOrder(platform: string, mapped: CanonicalOrder): CanonicalOrder {
  const result = canonicalOrderSchema.safeParse(mapped);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? fieldPath(issue.path) : 'body';
  throw new ApiError(
    422,
    'unmappable_order',
    `The ${platform} order maps to an invalid order: ${field}: ${issue?.message ?? 'is invalid'}`,
    field,
  );
}
