import { describe, expect, it } from 'vitest';
import { resolveConflict, sameDocument } from './conflicts';

const shipment = (over: Record<string, unknown> = {}) => ({
  id: 's1',
  fulfillmentId: 'f1',
  stationId: 'st1',
  operatorId: 'op1',
  carrier: 'postnl',
  service: 'standard',
  cartons: [
    {
      id: 'c1',
      sscc: '387123450000000012',
      boxType: 'M',
      weightGrams: 1200,
      items: [],
      trackingNumber: null,
      labelState: 'printed',
    },
  ],
  status: 'confirmed',
  refusalReason: null,
  confirmedAt: '2026-11-27T10:00:00Z',
  updatedAt: 10,
  ...over,
});

describe('document equality for replication', () => {
  it('ignores only the server stamps', () => {
    expect(sameDocument(shipment({ updatedAt: 10 }), shipment({ updatedAt: 99 }))).toBe(true);
  });

  it('sees a change deep inside a carton, so a local edit is never dropped', () => {
    const edited = shipment();
    (edited.cartons as { labelState: string }[])[0]!.labelState = 'voided';
    expect(sameDocument(shipment(), edited)).toBe(false);
  });

  it('treats a missing optional field like an undefined one', () => {
    expect(sameDocument({ id: 'a', x: undefined }, { id: 'a' })).toBe(true);
    expect(sameDocument({ id: 'a', x: null }, { id: 'a' })).toBe(false);
  });
});

describe('conflict resolution by field ownership', () => {
  it('lets the central OMS win on a fulfillment (cancel, hold, address, service)', () => {
    const master = { id: 'f1', cancelRequested: true, service: 'express', updatedAt: 7 };
    const local = { id: 'f1', cancelRequested: false, service: 'standard', updatedAt: 5 };
    expect(resolveConflict('fulfillments', master, local)).toEqual(master);
  });

  it('keeps the station pick progress over the master', () => {
    const master = { id: 'f1', picked: { l1: 1 }, updatedAt: 7 };
    const local = { id: 'f1', picked: { l1: 3 }, updatedAt: 5 };
    expect(resolveConflict('work', master, local)).toEqual({
      id: 'f1',
      picked: { l1: 3 },
      updatedAt: 0,
    });
  });

  it('keeps the station progress on released work but takes the central release', () => {
    const release = { by: 'timeout', at: '2026-11-27T11:00:00.000Z', note: null };
    const master = { id: 'f1:st1', picked: { l1: 1 }, release, updatedAt: 9 };
    const local = { id: 'f1:st1', picked: { l1: 2 }, updatedAt: 0 };
    expect(resolveConflict('work', master, local)).toEqual({
      id: 'f1:st1',
      picked: { l1: 2 },
      release,
      updatedAt: 0,
    });
    const mine = { by: 'station', at: '2026-11-27T11:05:00.000Z', note: null };
    expect(resolveConflict('work', master, { ...local, release: mine })).toMatchObject({
      release: mine,
    });
  });

  it('takes the refusal code with the verdict, and nothing of its own where the master has none', () => {
    const refusal = { code: 'fulfillment_cancelled', params: {} };
    const master = shipment({ status: 'refused', refusalReason: 'Cancelled', refusal });
    expect(resolveConflict('shipments', master, shipment())).toMatchObject({ refusal });
    const old = shipment({ status: 'refused', refusalReason: 'Cancelled', updatedAt: 12 });
    const resolved = resolveConflict('shipments', old, shipment({ refusal: null }));
    expect(resolved).toBe(old);
  });

  it('takes the server verdict on a refused shipment but keeps the station cartons', () => {
    const master = shipment({
      status: 'refused',
      refusalReason: 'Fulfillment was cancelled',
      updatedAt: 12,
    });
    const localCartons = [{ id: 'c1', labelState: 'voided' }];
    const resolved = resolveConflict('shipments', master, shipment({ cartons: localCartons }));
    expect(resolved).toMatchObject({
      status: 'refused',
      refusalReason: 'Fulfillment was cancelled',
      cartons: localCartons,
      updatedAt: 0,
    });
  });
});

describe('return receipts follow the shipment rule', () => {
  it('takes the central verdict and refund on a receipt, keeping the station items', () => {
    const items = [{ id: 'i1', sku: 'SKU-1', quantity: 1, grade: 'A' }];
    const master: Record<string, unknown> = {
      id: 'r1',
      items: [],
      status: 'accepted',
      refusalReason: null,
      refundMinor: 1999,
      updatedAt: 30,
    };
    const local: Record<string, unknown> = {
      id: 'r1',
      items,
      status: 'submitted',
      refusalReason: null,
      refundMinor: null,
      updatedAt: 0,
    };
    expect(resolveConflict('returns', master, local)).toEqual({
      id: 'r1',
      items,
      status: 'accepted',
      refusalReason: null,
      refundMinor: 1999,
      updatedAt: 0,
    });
    expect(resolveConflict('returns', master, { ...master, updatedAt: 0 })).toBe(master);
  });
});
