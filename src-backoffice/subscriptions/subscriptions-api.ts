// The subscription API as the back office reads it (GET /v1/subscriptions, /v1/subscriptions/:id,
// /v1/subscription-plans), the signups customer service enters (POST /v1/subscriptions, the same
// path as a channel's checkout, with the customer and channel look-ups) and the changes they make,
// each with the reason given.
import { api, queryString } from '../app/api';
import type { ListSearch } from '../ui/DataTable';

export const SUBSCRIPTION_STATES = ['active', 'paused', 'cancelled', 'expired'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

export interface SubscriptionRow {
  id: string;
  reference: string;
  channel: string;
  externalRef: string | null;
  plan: { code: string; name: string };
  state: SubscriptionState;
  pausedUntil: string | null;
  currency: string;
  createdAt: string;
  nextRenewalDate: string;
  email: string;
}

export interface SubscriptionRenewal {
  cycleNo: number;
  renewalDate: string;
  status: string;
  orderId: string | null;
  chargeKind: 'charge' | 'prepaid';
  amountMinor: number;
  attempts: number;
  nextAttemptOn: string | null;
  promisedDate: string | null;
}

export interface SubscriptionDetail extends Omit<SubscriptionRow, 'nextRenewalDate' | 'email'> {
  customer: { name: string; email: string; locale: string };
  shipTo: { name?: string; line1?: string; postalCode?: string; city?: string; country: string };
  payment: { provider: 'ledger' | 'mollie' };
  lines: {
    lineNo: number;
    sku: string;
    name: string;
    quantity: number;
    unitPriceMinor: number | null;
  }[];
  nextRenewal: { cycleNo: number; date: string; lastChangeDate: string; waitingForStock: boolean };
  cyclesPlaced: number;
  prepaidRemaining: number;
  cancelledAt: string | null;
  renewals: SubscriptionRenewal[];
  history: {
    type: string;
    actor: string;
    cycleNo: number | null;
    detail: Record<string, unknown>;
    at: string;
  }[];
}

export interface Plan {
  id: string;
  code: string;
  name: string;
  interval: { unit: 'day' | 'week' | 'month'; count: number };
  dayOfMonth: number | null;
  cutoffDays: number;
  priceRule: 'fixed' | 'current';
  discountPercent: number;
  minCycles: number;
  maxCycles: number | null;
  billing: 'per_delivery' | 'prepaid';
  prepaidDeliveries: number;
  skus: string[];
  active: boolean;
}

export async function fetchSubscriptions(search: ListSearch) {
  const page = await api<{ subscriptions: SubscriptionRow[]; nextCursor: string | null }>(
    'GET',
    `/v1/subscriptions${queryString({
      cursor: search.cursor,
      q: search.q,
      state: search.state,
      plan: search.plan,
      limit: 25,
    })}`,
  );
  return { rows: page.subscriptions, nextCursor: page.nextCursor };
}

export const fetchSubscription = (id: string) =>
  api<SubscriptionDetail>('GET', `/v1/subscriptions/${id}`);

export const fetchPlans = () => api<{ plans: Plan[] }>('GET', '/v1/subscription-plans');

export const SUBSCRIPTION_ACTIONS = ['skip_next', 'pause', 'resume', 'cancel'] as const;
export type SubscriptionAction = (typeof SUBSCRIPTION_ACTIONS)[number];

export interface SignupAddress {
  name: string;
  company?: string;
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  country: string;
}

export type PaymentMandate =
  { provider: 'ledger' } | { provider: 'mollie'; customerId: string; mandateId: string };

/** A change customer service makes, each with the reason they give. */
export type SubscriptionChange = { reason: string } & (
  | { type: SubscriptionAction; until?: string | undefined }
  | { type: 'change_date'; date: string }
  | { type: 'change_quantity'; lineNo: number; quantity: number }
  | { type: 'swap_product'; lineNo: number; sku: string }
  | { type: 'change_address'; shipTo: SignupAddress }
);

export const changeSubscription = (id: string, change: SubscriptionChange) =>
  api<SubscriptionDetail>('POST', `/v1/subscriptions/${id}/changes`, change);

export interface Signup {
  planCode: string;
  currency: string;
  customer: { type: 'person'; name: string; email: string; locale: string };
  shipTo: SignupAddress;
  lines: { sku: string; quantity: number }[];
  payment: PaymentMandate;
  firstRenewalDate?: string;
}

/** One attempt per form: the key makes a double click (or a retry) create one subscription. */
export const createSubscription = (signup: Signup, channel: string, idempotencyKey: string) =>
  api<SubscriptionDetail>('POST', '/v1/subscriptions', signup, {
    'x-channel-code': channel,
    'idempotency-key': idempotencyKey,
  });

export interface KnownCustomer {
  id: string;
  name: string;
  email: string;
  locale: string;
  lastShipTo: SignupAddress | null;
}

export const findCustomers = (q: string) =>
  api<{ customers: KnownCustomer[] }>('GET', `/v1/subscription-customers${queryString({ q })}`);

export const fetchSignupChannels = () =>
  api<{ channels: { code: string; name: string }[] }>('GET', '/v1/subscription-channels');
