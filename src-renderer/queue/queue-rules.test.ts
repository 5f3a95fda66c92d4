import { describe, expect, it } from 'vitest';
import { startRefusal, workQueue, type QueueFulfillment } from './queue-rules';

let next = 0;
function makeFulfillment(overrides: Partial<QueueFulfillment> = {}): QueueFulfillment {
  next += 1;
  return {
    id: `FO-${next}`,
    orderNumber: `WEB-${1000 + next}`,
    warehouseCode: 'NL1',
    status: 'released',
    cancelRequested: false,
    onHold: false,
    priority: 5,
    promisedDate: '2026-12-01',
    channel: 'webshop',
    poNumber: null,
    service: 'standard',
    releasedAt: `2026-11-20T10:00:${String(next % 60).padStart(2, '0')}Z`,
    shipTo: { name: 'Jan Jansen', city: 'Utrecht', country: 'NL' },
    lines: [{ sku: 'TEA-GREEN', quantity: 1 }],
    ...overrides,
  };
}

describe('the work queue', () => {
  it('puts the most urgent priority first, then the earliest promised date, undated orders last', () => {
    const late = makeFulfillment({ orderNumber: 'late', promisedDate: '2026-12-09' });
    const undated = makeFulfillment({ orderNumber: 'undated', promisedDate: null });
    const early = makeFulfillment({ orderNumber: 'early', promisedDate: '2026-12-02' });
    const urgent = makeFulfillment({
      orderNumber: 'urgent',
      priority: 0,
      promisedDate: '2026-12-30',
    });
    expect(workQueue([late, undated, early, urgent], 'NL1').map((f) => f.orderNumber)).toEqual([
      'urgent',
      'early',
      'late',
      'undated',
    ]);
  });

  it('leaves out cancelled, on-hold, finished and other warehouses’ orders', () => {
    const open = makeFulfillment({ orderNumber: 'open' });
    const picking = makeFulfillment({ orderNumber: 'picking', status: 'picking' });
    const others = [
      makeFulfillment({ cancelRequested: true }),
      makeFulfillment({ onHold: true }),
      makeFulfillment({ status: 'packed' }),
      makeFulfillment({ warehouseCode: 'BE1' }),
    ];
    expect(
      workQueue([open, ...others, picking], 'NL1')
        .map((f) => f.orderNumber)
        .sort(),
    ).toEqual(['open', 'picking']);
  });

  it('filters on every typed word across order number, ship-to and SKUs', () => {
    const mugs = makeFulfillment({
      orderNumber: 'WEB-1',
      lines: [{ sku: 'MUG-RED', quantity: 2 }],
    });
    const ghent = makeFulfillment({
      orderNumber: 'WEB-2',
      shipTo: { name: 'An Peeters', city: 'Gent', country: 'BE' },
    });
    expect(workQueue([mugs, ghent], 'NL1', 'mug').map((f) => f.orderNumber)).toEqual(['WEB-1']);
    expect(workQueue([mugs, ghent], 'NL1', 'gent be').map((f) => f.orderNumber)).toEqual(['WEB-2']);
    expect(workQueue([mugs, ghent], 'NL1', 'gent nl')).toEqual([]);
  });

  it('says why a scanned fulfillment cannot be started', () => {
    expect(startRefusal(makeFulfillment({ cancelRequested: true, status: 'picking' }), 'NL1')).toBe(
      'cancelled',
    );
    expect(startRefusal(makeFulfillment({ onHold: true }), 'NL1')).toBe('on-hold');
    expect(startRefusal(makeFulfillment({ status: 'shipped' }), 'NL1')).toBe('finished');
    expect(startRefusal(makeFulfillment({ warehouseCode: 'DE1' }), 'NL1')).toBe('other-warehouse');
    expect(startRefusal(makeFulfillment(), 'NL1')).toBeNull();
  });
});
