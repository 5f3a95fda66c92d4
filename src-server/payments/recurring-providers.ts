// The providers renewals can be charged through: the ledger always, Mollie when it is configured.
import type { MollieConfig } from '../returns/returns-config';
import { ledgerRecurringProvider } from './ledger-provider';
import { mollieRecurringProvider } from './mollie-recurring';
import type { RecurringProviders } from './recurring-provider';

export function recurringProvidersFor(
  mollie: MollieConfig | null,
  fetchImpl: typeof fetch = fetch,
): RecurringProviders {
  return {
    ledger: ledgerRecurringProvider,
    ...(mollie ? { mollie: mollieRecurringProvider(mollie, fetchImpl) } : {}),
  };
}
