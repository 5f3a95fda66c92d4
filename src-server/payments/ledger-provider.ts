// The built-in provider. Refunds are recorded for finance (the refunds table, exported as CSV by
// GET /v1/refunds.csv) and paid out by them, e.g. by bank transfer or as store credit. Recurring
// charges are recorded the same way (GET /v1/recurring-charges.csv) and collected by finance (an
// invoice, a direct debit run): the charge is the row, so it always succeeds here.
import type { IssuedRefund, PaymentProvider, RefundRequest } from './payment-provider';
import type { RecurringPaymentProvider } from './recurring-provider';

export const ledgerProvider: PaymentProvider = {
  name: 'ledger',
  async issueRefund(request: RefundRequest): Promise<IssuedRefund> {
    // The idempotency key is unique per RMA, so it also serves as the ledger entry's reference.
    return { reference: `LEDGER:${request.idempotencyKey}`, providerStatus: 'recorded' };
  },
};

export const ledgerRecurringProvider: RecurringPaymentProvider = {
  name: 'ledger',
  settlesInDatabase: true,
  async charge(request) {
    return { status: 'paid', reference: ledgerChargeReference(request.idempotencyKey) };
  },
  async status(reference) {
    return { status: 'paid', reference };
  },
};

export const ledgerChargeReference = (idempotencyKey: string) => `LEDGER:${idempotencyKey}`;
