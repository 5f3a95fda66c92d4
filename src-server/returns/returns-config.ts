// Returns and refund settings from the environment: restocking fee per grade, which reasons get
// the original shipping charge back, which payment provider issues refunds, and how long an RMA
// takes parcels.
import type { ReturnGrade } from '../../shared/sync/documents';
import { RETURN_REASONS, type ReturnReason } from '../../shared/returns/rma-state';

export interface MollieConfig {
  apiKey: string;
  /** Base URL of the Mollie API (v2); tests point it at a local server. */
  apiUrl: string;
}

export interface ReturnsConfig {
  /** Percentage of a unit's price kept per grade (A resellable … D missing parts). */
  restockingFeePercent: Record<ReturnGrade, number>;
  /** Reasons for which the order's original shipping charge is refunded too. */
  shippingRefundReasons: readonly ReturnReason[];
  paymentProvider: 'ledger' | 'mollie';
  mollie: MollieConfig | null;
  /** Days from authorisation after which an RMA takes no parcel any more (RMA_EXPIRY_DAYS). */
  rmaExpiryDays: number;
  /** How often each instance looks for RMAs past their expiry (RMA_EXPIRY_SWEEP_MS). */
  expirySweepMs: number;
}

const GRADES: readonly ReturnGrade[] = ['A', 'B', 'C', 'D'];

function parseFees(raw: string): Record<ReturnGrade, number> {
  const fees: Record<ReturnGrade, number> = { A: 0, B: 10, C: 50, D: 100 };
  for (const part of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [grade, percent] = part.split(':').map((s) => s.trim());
    const value = Number(percent);
    if (
      !GRADES.includes(grade as ReturnGrade) ||
      !Number.isFinite(value) ||
      value < 0 ||
      value > 100
    ) {
      throw new Error(
        `RETURN_RESTOCKING_FEES is not valid at "${part}" (expected e.g. A:0,B:10,C:50,D:100)`,
      );
    }
    fees[grade as ReturnGrade] = value;
  }
  return fees;
}

function parseReasons(raw: string): ReturnReason[] {
  const reasons = raw
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = reasons.find((r) => !(RETURN_REASONS as readonly string[]).includes(r));
  if (unknown)
    throw new Error(
      `RETURN_SHIPPING_REFUND_REASONS names an unknown reason "${unknown}" (known: ${RETURN_REASONS.join(', ')})`,
    );
  return reasons as ReturnReason[];
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} must be a whole number from 1 to ${max}, got "${raw}"`);
  return value;
}

export function loadReturnsConfig(env: NodeJS.ProcessEnv): ReturnsConfig {
  const provider = env.PAYMENT_PROVIDER || 'ledger';
  if (provider !== 'ledger' && provider !== 'mollie')
    throw new Error(`PAYMENT_PROVIDER must be ledger or mollie, got "${provider}"`);
  if (provider === 'mollie' && !env.MOLLIE_API_KEY)
    throw new Error('PAYMENT_PROVIDER=mollie needs MOLLIE_API_KEY');
  return {
    restockingFeePercent: parseFees(env.RETURN_RESTOCKING_FEES ?? ''),
    shippingRefundReasons: parseReasons(
      env.RETURN_SHIPPING_REFUND_REASONS ?? 'damaged,not_as_described,arrived_late',
    ),
    paymentProvider: provider,
    mollie: env.MOLLIE_API_KEY
      ? {
          apiKey: env.MOLLIE_API_KEY,
          apiUrl: (env.MOLLIE_API_URL || 'https://api.mollie.com/v2').replace(/\/+$/, ''),
        }
      : null,
    rmaExpiryDays: wholeNumber(env, 'RMA_EXPIRY_DAYS', 30, 3650),
    expirySweepMs: wholeNumber(env, 'RMA_EXPIRY_SWEEP_MS', 300_000, 86_400_000),
  };
}
