// Credit: a company's open balance is what it was invoiced minus what it paid and was credited;
// an order that would take the balance (with the orders already held on credit) over the limit
// is held until payments bring it back under. Integer minor units throughout.
export interface LedgerEntry {
  kind: 'invoice' | 'payment' | 'credit_note';
  amountMinor: number;
}

export function openBalanceMinor(entries: readonly LedgerEntry[]): number {
  let balance = 0;
  for (const e of entries) balance += e.kind === 'invoice' ? e.amountMinor : -e.amountMinor;
  return balance;
}

/** Whether an order of `orderMinor` fits under the limit (no limit: always). */
export function withinCredit(
  limitMinor: number | null,
  openMinor: number,
  heldMinor: number,
  orderMinor: number,
): boolean {
  return limitMinor === null || openMinor + heldMinor + orderMinor <= limitMinor;
}

/**
 * Which held orders (oldest first) a balance now releases: each in turn while it fits, so a
 * payment never releases more than the limit allows.
 */
export function releasableHolds<T extends { amountMinor: number }>(
  limitMinor: number | null,
  openMinor: number,
  holdsOldestFirst: readonly T[],
): T[] {
  const released: T[] = [];
  let committed = 0;
  for (const hold of holdsOldestFirst) {
    if (!withinCredit(limitMinor, openMinor, committed, hold.amountMinor)) break;
    committed += hold.amountMinor;
    released.push(hold);
  }
  return released;
}

export type PaymentTerms =
  | { kind: 'prepaid' }
  | { kind: 'at_shipment' }
  | { kind: 'net'; days: number }
  | { kind: 'end_of_month'; days: number };

/** The due date (YYYY-MM-DD) of an invoice issued on `issued` (YYYY-MM-DD), in UTC days. */
export function dueDate(terms: PaymentTerms, issued: string): string {
  const day = new Date(`${issued}T00:00:00Z`);
  if (terms.kind === 'net') day.setUTCDate(day.getUTCDate() + terms.days);
  if (terms.kind === 'end_of_month') {
    const endOfMonth = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
    endOfMonth.setUTCDate(endOfMonth.getUTCDate() + terms.days);
    return endOfMonth.toISOString().slice(0, 10);
  }
  return day.toISOString().slice(0, 10);
}
