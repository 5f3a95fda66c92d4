// What the OMS needs from a payment provider to give money back. Each adapter maps this onto its
// provider's refund API; the idempotency key makes a repeated call return the first refund.
export interface RefundRequest {
  /** Stable per RMA (`refund:<rmaId>`): a retry after a crash or a replayed receipt refunds once. */
  idempotencyKey: string;
  orderId: string;
  /** The provider's id of the order's payment (e.g. Mollie `tr_…`); null when none is known. */
  paymentReference: string | null;
  amountMinor: number;
  currency: string;
  description: string;
}

export interface IssuedRefund {
  /** The provider's id of the refund. */
  reference: string;
  /** The provider's own status word (e.g. Mollie `queued`, `pending`, `refunded`). */
  providerStatus: string;
}

export interface PaymentProvider {
  readonly name: string;
  issueRefund(request: RefundRequest): Promise<IssuedRefund>;
}

/** A refund the provider refused or could not be reached for; the refund stays retryable. */
export class PaymentProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'PaymentProviderError';
  }
}
