import { describe, expect, it } from 'vitest';
import {
  assignTrackingOrPend,
  trackingRangeSchema,
  type CarrierAdapter,
  type CarrierCarton,
  type CarrierContext,
} from './carrier-adapter';
import {
  createMemoryTrackingRangeStore,
  createOwnCarrierAdapter,
  TrackingRangeMissingError,
} from './own-carrier';
import { isValidS10TrackingNumber } from './upu-s10';
import { SerialRangeExhaustedError } from '../gs1/serial-range';

const makeCarton = (overrides: Partial<CarrierCarton> = {}): CarrierCarton => ({
  sscc: '387123450000000012',
  fulfillmentId: 'F-1001',
  service: 'standard',
  weightGrams: 1200,
  destinationCountry: 'NL',
  ...overrides,
});

const offline: CarrierContext = { online: false };
const online: CarrierContext = { online: true };

function makeOwnCarrier(
  ranges: Parameters<typeof createMemoryTrackingRangeStore>[0],
  countryCode = 'NL',
  lowWaterMark = 2,
) {
  const trackingRanges = createMemoryTrackingRangeStore(ranges);
  return {
    trackingRanges,
    adapter: createOwnCarrierAdapter({ countryCode, lowWaterMark, trackingRanges }),
  };
}

describe('own carrier adapter', () => {
  it('numbers cartons offline from the leased range with valid S10 check digits', async () => {
    const { adapter, trackingRanges } = makeOwnCarrier({
      own: { prefix: 'AA', next: 12345678, end: 12345690 },
    });
    const first = await adapter.assignTracking(makeCarton(), offline);
    const second = await adapter.assignTracking(makeCarton(), offline);
    expect(first.trackingNumber).toBe('AA123456785NL');
    expect(second.trackingNumber).toMatch(/^AA12345679\dNL$/);
    expect(isValidS10TrackingNumber(second.trackingNumber)).toBe(true);
    expect(trackingRanges.ranges.get('own')?.next).toBe(12345680);
  });

  it('reports the range running low so the station asks for a new lease', async () => {
    const { adapter } = makeOwnCarrier({ own: { prefix: 'AA', next: 1, end: 4 } });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await adapter.assignTracking(makeCarton(), offline));
    expect(outcomes.map((o) => [o.rangeRemaining, o.rangeNeedsRenewal])).toEqual([
      [3, false],
      [2, true],
      [1, true],
    ]);
  });

  it('refuses to reuse a number once the lease is used up, and keeps the range unchanged', async () => {
    const { adapter, trackingRanges } = makeOwnCarrier({ own: { prefix: 'AA', next: 5, end: 4 } });
    await expect(adapter.assignTracking(makeCarton(), offline)).rejects.toThrow(
      SerialRangeExhaustedError,
    );
    expect(trackingRanges.ranges.get('own')).toEqual({ prefix: 'AA', next: 5, end: 4 });
  });

  it('says a lease is missing when the station never leased one', async () => {
    const { adapter } = makeOwnCarrier({});
    await expect(adapter.assignTracking(makeCarton(), offline)).rejects.toThrow(
      TrackingRangeMissingError,
    );
  });

  it('validates a lease from the central OMS, naming the field', () => {
    expect(trackingRangeSchema.safeParse({ prefix: 'AA', next: 1, end: 10 }).success).toBe(true);
    const bad = trackingRangeSchema.safeParse({ prefix: 'aa', next: 1, end: 10 });
    expect(bad.error?.issues[0]?.path).toEqual(['prefix']);
  });
});

describe('carrier needing an online label API', () => {
  const onlineCarrier: CarrierAdapter = {
    id: 'postnl',
    name: 'PostNL',
    requiresOnline: true,
    assignTracking: async () => ({ trackingNumber: '3SABCD1234567', carrierId: 'postnl' }),
  };

  it('leaves the carton label-pending while offline and assigns once online', async () => {
    expect(await assignTrackingOrPend(onlineCarrier, makeCarton(), offline)).toEqual({
      status: 'label-pending',
      carrierId: 'postnl',
    });
    expect(await assignTrackingOrPend(onlineCarrier, makeCarton(), online)).toEqual({
      status: 'assigned',
      trackingNumber: '3SABCD1234567',
      carrierId: 'postnl',
    });
  });

  it('lets the own carrier assign offline through the same call', async () => {
    const { adapter: own } = makeOwnCarrier({ own: { prefix: 'RR', next: 0, end: 9 } }, 'BE', 0);
    const outcome = await assignTrackingOrPend(own, makeCarton(), offline);
    expect(outcome).toMatchObject({ status: 'assigned', trackingNumber: 'RR000000005BE' });
  });
});
