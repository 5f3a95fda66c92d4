// Mollie's Refunds API (v2): POST /payments/{paymentId}/refunds with `amount: {currency, value}`
// as a decimal string, Bearer API key, and an Idempotency-Key header (Mollie answers a repeated
// key with the first refund). Errors come back as application/hal+json `{status, title, detail}`.
import { z } from 'zod';
import { formatAmount } from '../../shared/labels/label-format';
import type { MollieConfig } from '../returns/returns-config';
import {
  PaymentProviderError,
  type IssuedRefund,
  type PaymentProvider,
  type RefundRequest,
} from './payment-provider';

const mollieRefund = z.object({
  resource: z.literal('refund'),
  id: z.string().min(1),
  status: z.string(),
});
const mollieError = z.object({ status: z.number(), title: z.string(), detail: z.string() });

const TIMEOUT_MS = 15_000;

export function mollieProvider(
  config: MollieConfig,
  fetchImpl: typeof fetch = fetch,
): PaymentProvider {
  return {
    name: 'mollie',
    async issueRefund(request: RefundRequest): Promise<IssuedRefund> {
      if (!request.paymentReference) {
        throw new PaymentProviderError(
          'mollie',
          `Order ${request.orderId} has no Mollie payment id to refund against.`,
          false,
        );
      }
      const url = `${config.apiUrl}/payments/${encodeURIComponent(request.paymentReference)}/refunds`;
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${config.apiKey}`,
            'content-type': 'application/json',
            'idempotency-key': request.idempotencyKey,
          },
          body: JSON.stringify({
            amount: {
              currency: request.currency,
              value: formatAmount(request.amountMinor, request.currency),
            },
            description: request.description.slice(0, 140),
            metadata: { orderId: request.orderId, idempotencyKey: request.idempotencyKey },
          }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
      } catch (error) {
        throw new PaymentProviderError(
          'mollie',
          `Mollie could not be reached: ${error instanceof Error ? error.message : String(error)}`,
          true,
        );
      }
      const body: unknown = await response.json().catch(() => null);
      if (response.ok) {
        const refund = mollieRefund.safeParse(body);
        if (!refund.success)
          throw new PaymentProviderError(
            'mollie',
            'Mollie answered a refund in an unexpected shape.',
            true,
          );
        return { reference: refund.data.id, providerStatus: refund.data.status };
      }
      const error = mollieError.safeParse(body);
      const detail = error.success
        ? `${error.data.title}: ${error.data.detail}`
        : `HTTP ${response.status}`;
      // 5xx and 429 may pass; 4xx (bad payment id, amount above refundable) will not without a person.
      throw new PaymentProviderError(
        'mollie',
        `Mollie refused the refund (${detail}).`,
        response.status >= 500 || response.status === 429,
      );
    },
  };
}
