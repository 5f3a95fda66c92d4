// What the OMS needs from a payment provider to charge a subscription renewal against the
// customer's mandate. Each adapter maps this onto its provider; the idempotency key (one per
// renewal attempt) makes a repeated call, after a crash or a timeout, end at the same charge.
import { z } from 'zod';

export const paymentMandateSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('ledger') }),
  z.object({
    provider: z.literal('mollie'),
    customerId: z.string().regex(/^cst_[A-Za-z0-9]{4,40}$/, 'must be a Mollie customer id (cst_…)'),
    mandateId: z.string().regex(/^mdt_[A-Za-z0-9]{4,40}$/, 'must be a Mollie mandate id (mdt_…)'),
  }),
]);
/** How a subscription pays: the built-in ledger (finance collects) or a Mollie mandate. */
export type PaymentMandate = z.infer<typeof paymentMandateSchema>;

export interface RecurringChargeRequest {
  /** Stable per renewal attempt (`renewal:<subscription>:<cycle>:<attempt>`). */
  idempotencyKey: string;
  mandate: PaymentMandate;
  amountMinor: number;
  currency: string;
  description: string;
  metadata: { subscriptionId: string; cycleNo: number; attempt: number };
  /**
   * An earlier try with this key may have reached the provider without its answer being stored
   * (the process died): the adapter looks for that charge before creating one.
   */
  mayExist: boolean;
}

export type RecurringChargeResult =
  | { status: 'paid'; reference: string }
  /** Accepted, not settled yet (e.g. a SEPA direct debit): asked again later by `status`. */
  | { status: 'pending'; reference: string }
  | { status: 'failed'; reference: string | null; reason: string };

export interface RecurringPaymentProvider {
  readonly name: PaymentMandate['provider'];
  /**
   * True when a charge is a row in the OMS's own database (the ledger): it can then be written
   * in the same transaction as the renewal's order, so one never exists without the other.
   */
  readonly settlesInDatabase: boolean;
  /** Throws PaymentProviderError (retryable) when the provider cannot be reached. */
  charge(request: RecurringChargeRequest): Promise<RecurringChargeResult>;
  /** The current state of a pending charge. */
  status(reference: string, mandate: PaymentMandate): Promise<RecurringChargeResult>;
}

export type RecurringProviders = Partial<
  Record<PaymentMandate['provider'], RecurringPaymentProvider>
>;
