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

const makeContext = (
  ranges: Parameters<typeof createMemoryTrackingRangeStore>[0],
  online = false,
) => {
  const trackingRanges = createMemoryTrackingRangeStore(ranges);
  return { online, trackingRanges } satisfies CarrierContext;
};

describe('own carrier adapter', () => {
  const adapter = createOwnCarrierAdapter({ countryCode: 'NL', lowWaterMark: 2 });

  it('numbers cartons offline from the leased range with valid S10 check digits', async () => {
    const ctx = makeContext({ own: { prefix: 'AA', next: 12345678, end: 12345690 } });
    const first = await adapter.assignTracking(makeCarton(), ctx);
    const second = await adapter.assignTracking(makeCarton(), ctx);
    expect(first.trackingNumber).toBe('AA123456785NL');
    expect(second.trackingNumber).toMatch(/^AA12345679\dNL$/);
    expect(isValidS10TrackingNumber(second.trackingNumber)).toBe(true);
    expect(ctx.trackingRanges.ranges.get('own')?.next).toBe(12345680);
  });

  it('reports the range running low so the station asks for a new lease', async () => {
    const ctx = makeContext({ own: { prefix: 'AA', next: 1, end: 4 } });
    const outcomes = [];
    for (let i = 0; i < 3; i++) outcomes.push(await adapter.assignTracking(makeCarton(), ctx));
    expect(outcomes.map((o) => [o.rangeRemaining, o.rangeNeedsRenewal])).toEqual([
      [3, false],
      [2, true],
      [1, true],
    ]);
  });

  it('refuses to reuse a number once the lease is used up, and keeps the range unchanged', async () => {
    const ctx = makeContext({ own: { prefix: 'AA', next: 5, end: 4 } });
    await expect(adapter.assignTracking(makeCarton(), ctx)).rejects.toThrow(
      SerialRangeExhaustedError,
    );
    expect(ctx.trackingRanges.ranges.get('own')).toEqual({ prefix: 'AA', next: 5, end: 4 });
  });

  it('says a lease is missing when the station never leased one', async () => {
    await expect(adapter.assignTracking(makeCarton(), makeContext({}))).rejects.toThrow(
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
    requiresOnline: true,
    assignTracking: async () => ({ trackingNumber: '3SABCD1234567', carrierId: 'postnl' }),
  };

  it('leaves the carton label-pending while offline and assigns once online', async () => {
    expect(await assignTrackingOrPend(onlineCarrier, makeCarton(), makeContext({}, false))).toEqual(
      {
        status: 'label-pending',
        carrierId: 'postnl',
      },
    );
    expect(await assignTrackingOrPend(onlineCarrier, makeCarton(), makeContext({}, true))).toEqual({
      status: 'assigned',
      trackingNumber: '3SABCD1234567',
      carrierId: 'postnl',
    });
  });

  it('lets the own carrier assign offline through the same call', async () => {
    const own = createOwnCarrierAdapter({ countryCode: 'BE', lowWaterMark: 0 });
    const outcome = await assignTrackingOrPend(
      own,
      makeCarton(),
      makeContext({ own: { prefix: 'RR', next: 0, end: 9 } }),
    );
    expect(outcome).toMatchObject({ status: 'assigned', trackingNumber: 'RR000000005BE' });
  });
});
