// Which fulfillment orders a packer may start, and in what order: most urgent priority first
// (0 before 9, as the central OMS assigns it in src-server/sync/projections.ts), then the earliest promised date (orders without one after those with one), then
// the longest waiting. Plain functions, so the order is tested without a database.
import type { FulfillmentDoc } from '../../shared/sync/documents';

export type QueueFulfillment = Pick<
  FulfillmentDoc,
  | 'id'
  | 'orderNumber'
  | 'warehouseCode'
  | 'status'
  | 'cancelRequested'
  | 'onHold'
  | 'priority'
  | 'promisedDate'
  | 'channel'
  | 'poNumber'
  | 'service'
  | 'releasedAt'
> & {
  shipTo: Pick<FulfillmentDoc['shipTo'], 'name' | 'city' | 'country'>;
  lines: Pick<FulfillmentDoc['lines'][number], 'sku' | 'quantity'>[];
};

const startable = new Set<FulfillmentDoc['status']>(['released', 'picking']);

/** Released or being picked, not cancelled, not on hold, and in this station's warehouse. */
export function isStartable(fulfillment: QueueFulfillment, warehouseCode: string): boolean {
  return (
    startable.has(fulfillment.status) &&
    !fulfillment.cancelRequested &&
    !fulfillment.onHold &&
    fulfillment.warehouseCode === warehouseCode
  );
}

export function compareQueue(a: QueueFulfillment, b: QueueFulfillment): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.promisedDate !== b.promisedDate) {
    if (a.promisedDate === null) return 1;
    if (b.promisedDate === null) return -1;
    return a.promisedDate < b.promisedDate ? -1 : 1;
  }
  if (a.releasedAt !== b.releasedAt) return a.releasedAt < b.releasedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Every word typed must appear in the order number, PO, channel, service, ship-to or a SKU. */
export function matchesFilter(fulfillment: QueueFulfillment, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    fulfillment.id,
    fulfillment.orderNumber,
    fulfillment.poNumber ?? '',
    fulfillment.channel,
    fulfillment.service,
    fulfillment.shipTo.name,
    fulfillment.shipTo.city,
    fulfillment.shipTo.country,
    ...fulfillment.lines.map((line) => line.sku),
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

export function workQueue<T extends QueueFulfillment>(
  fulfillments: readonly T[],
  warehouseCode: string,
  filter = '',
): T[] {
  return fulfillments
    .filter((f) => isStartable(f, warehouseCode) && matchesFilter(f, filter))
    .sort(compareQueue);
}

export type StartRefusal = 'cancelled' | 'on-hold' | 'finished' | 'other-warehouse';

/** Why a scanned fulfillment cannot be started, or null when it can. */
export function startRefusal(
  fulfillment: QueueFulfillment,
  warehouseCode: string,
): StartRefusal | null {
  if (fulfillment.cancelRequested || fulfillment.status === 'cancelled') return 'cancelled';
  if (fulfillment.warehouseCode !== warehouseCode) return 'other-warehouse';
  if (fulfillment.onHold || fulfillment.status === 'on_hold') return 'on-hold';
  if (!startable.has(fulfillment.status)) return 'finished';
  return null;
}
