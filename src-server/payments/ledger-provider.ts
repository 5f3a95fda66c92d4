// The built-in provider: the refund is recorded for finance (the refunds table, exported as CSV by
// GET /v1/refunds.csv) and paid out by them, e.g. by bank transfer or as store credit.
import type { IssuedRefund, PaymentProvider, RefundRequest } from './payment-provider';

export const ledgerProvider: PaymentProvider = {
  name: 'ledger',
  async issueRefund(request: RefundRequest): Promise<IssuedRefund> {
    // The idempotency key is unique per RMA, so it also serves as the ledger entry's reference.
    return { reference: `LEDGER:${request.idempotencyKey}`, providerStatus: 'recorded' };
  },
};
