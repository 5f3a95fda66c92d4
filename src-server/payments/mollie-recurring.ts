// Mollie's recurring payments (v2): POST /payments with `sequenceType: recurring`, the customer
// and mandate ids, the amount as a decimal string and an Idempotency-Key header; GET
// /payments/{id} for a payment still pending. A payment created without its answer stored (the
// process died) is found again in GET /customers/{id}/payments by the key in its metadata, as
// Mollie's idempotency guide suggests, so it is never created twice even after Mollie has
// forgotten the key.
import { z } from 'zod';
import { formatAmount } from '../../shared/labels/label-format';
import type { MollieConfig } from '../returns/returns-config';
import { PaymentProviderError } from './payment-provider';
import type {
  PaymentMandate,
  RecurringChargeResult,
  RecurringPaymentProvider,
} from './recurring-provider';

const molliePayment = z.object({
  resource: z.literal('payment'),
  id: z.string().min(1),
  status: z.string(),
  details: z
    .object({ failureReason: z.string().optional(), bankReason: z.string().optional() })
    .nullish(),
  metadata: z.unknown().optional(),
});
const mollieList = z.object({
  _embedded: z.object({ payments: z.array(molliePayment) }).optional(),
  _links: z.object({ next: z.object({ href: z.string() }).nullish() }).optional(),
});
const mollieError = z.object({ status: z.number(), title: z.string(), detail: z.string() });

const TIMEOUT_MS = 15_000;
/** Pages of a customer's payments read when looking for a charge that may exist. */
const MAX_LIST_PAGES = 4;

type MolliePayment = z.infer<typeof molliePayment>;

function resultOf(payment: MolliePayment): RecurringChargeResult {
  switch (payment.status) {
    case 'paid':
      return { status: 'paid', reference: payment.id };
    case 'open':
    case 'pending':
    case 'authorized':
      return { status: 'pending', reference: payment.id };
    default:
      return {
        status: 'failed',
        reference: payment.id,
        reason:
          payment.details?.failureReason ??
          payment.details?.bankReason ??
          `Mollie: ${payment.status}`,
      };
  }
}

function keyOf(payment: MolliePayment): string | undefined {
  const metadata = payment.metadata;
  if (typeof metadata === 'object' && metadata !== null && 'idempotencyKey' in metadata)
    return typeof metadata.idempotencyKey === 'string' ? metadata.idempotencyKey : undefined;
  return undefined;
}

export function mollieRecurringProvider(
  config: MollieConfig,
  fetchImpl: typeof fetch = fetch,
): RecurringPaymentProvider {
  async function call(
    path: string,
    init: RequestInit = {},
  ): Promise<{ ok: boolean; status: number; body: unknown }> {
    let response: Response;
    try {
      response = await fetchImpl(path.startsWith('http') ? path : `${config.apiUrl}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${config.apiKey}`,
          'content-type': 'application/json',
          ...init.headers,
        },
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
    if (response.status >= 500 || response.status === 429) {
      throw new PaymentProviderError('mollie', `Mollie answered HTTP ${response.status}.`, true);
    }
    return { ok: response.ok, status: response.status, body };
  }

  const parsePayment = (body: unknown): MolliePayment => {
    const payment = molliePayment.safeParse(body);
    if (!payment.success)
      throw new PaymentProviderError(
        'mollie',
        'Mollie answered a payment in an unexpected shape.',
        true,
      );
    return payment.data;
  };

  async function findByKey(customerId: string, key: string): Promise<MolliePayment | undefined> {
    let next: string | null = `/customers/${encodeURIComponent(customerId)}/payments?limit=250`;
    for (let page = 0; next && page < MAX_LIST_PAGES; page++) {
      const { ok, body } = await call(next);
      if (!ok) return undefined;
      const list = mollieList.safeParse(body);
      if (!list.success) return undefined;
      const found = list.data._embedded?.payments.find((p) => keyOf(p) === key);
      if (found) return found;
      next = list.data._links?.next?.href ?? null;
    }
    return undefined;
  }

  const requireMollie = (mandate: PaymentMandate) => {
    if (mandate.provider !== 'mollie')
      throw new PaymentProviderError('mollie', 'The mandate is not a Mollie mandate.', false);
    return mandate;
  };

  return {
    name: 'mollie',
    settlesInDatabase: false,
    async charge(request) {
      const mandate = requireMollie(request.mandate);
      if (request.mayExist) {
        const earlier = await findByKey(mandate.customerId, request.idempotencyKey);
        if (earlier) return resultOf(earlier);
      }
      const { ok, status, body } = await call('/payments', {
        method: 'POST',
        headers: { 'idempotency-key': request.idempotencyKey },
        body: JSON.stringify({
          amount: {
            currency: request.currency,
            value: formatAmount(request.amountMinor, request.currency),
          },
          description: request.description.slice(0, 255),
          sequenceType: 'recurring',
          customerId: mandate.customerId,
          mandateId: mandate.mandateId,
          metadata: { ...request.metadata, idempotencyKey: request.idempotencyKey },
        }),
      });
      if (ok) return resultOf(parsePayment(body));
      // 4xx: Mollie refused the charge itself (mandate revoked or invalid, amount refused). That
      // is a failed attempt the customer has to fix, not an outage.
      const error = mollieError.safeParse(body);
      return {
        status: 'failed',
        reference: null,
        reason: error.success ? `${error.data.title}: ${error.data.detail}` : `HTTP ${status}`,
      };
    },
    async status(reference) {
      const { ok, status, body } = await call(`/payments/${encodeURIComponent(reference)}`);
      if (!ok)
        throw new PaymentProviderError(
          'mollie',
          `Mollie did not answer payment ${reference} (HTTP ${status}).`,
          true,
        );
      return resultOf(parsePayment(body));
    },
  };
}
