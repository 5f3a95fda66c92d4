// The settings and payment provider the returns rules use. Station pushes reach applyReturnReceipt
// through the generic sync push, which carries no configuration, so createApp installs them here
// once at start-up; until then the defaults (ledger provider, default fees) apply.
import { ledgerProvider } from '../payments/ledger-provider';
import { mollieProvider } from '../payments/mollie-provider';
import type { PaymentProvider } from '../payments/payment-provider';
import { loadReturnsConfig, type ReturnsConfig } from './returns-config';

export interface ReturnsRuntime {
  config: ReturnsConfig;
  /** Refunds to the original payment method. Store credit always goes to the ledger. */
  provider: PaymentProvider;
}

export function providerFor(config: ReturnsConfig): PaymentProvider {
  return config.paymentProvider === 'mollie' && config.mollie
    ? mollieProvider(config.mollie)
    : ledgerProvider;
}

let runtime: ReturnsRuntime = { config: loadReturnsConfig({}), provider: ledgerProvider };

export function installReturnsRuntime(
  config: ReturnsConfig,
  provider: PaymentProvider = providerFor(config),
): void {
  runtime = { config, provider };
}

export function returnsRuntime(): ReturnsRuntime {
  return runtime;
}
