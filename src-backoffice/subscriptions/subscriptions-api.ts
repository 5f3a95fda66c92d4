// The subscription API as the back office reads it (GET /v1/subscriptions, /v1/subscriptions/:id,
// /v1/subscription-plans) and the changes customer service makes, each with the reason given.
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

export const changeSubscription = (
  id: string,
  change: { type: SubscriptionAction; reason: string; until?: string | undefined },
) => api<SubscriptionDetail>('POST', `/v1/subscriptions/${id}/changes`, change);
