// The allocateTrackingNumber call as the renderer makes it, through the real dispatcher, the real
// leased own carrier and the PostNL adapter talking HTTP to a local server playing PostNL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CarrierCarton } from '../../shared/carriers/carrier-adapter';
import type { StationHandlers } from '../../shared/station-api';
import { startFakePostnl, type FakePostnl } from '../../test/support/fake-postnl';
import { NumberLeases } from '../numbering/number-leases';
import { numberingHandlers } from '../numbering/numbering-handlers';
import { createDispatcher } from '../station-api/dispatch';
import { CarrierRegistry } from './carrier-registry';
import { createLeasedOwnCarrier } from './own-carrier-leases';
import { createPostnlCarrier } from './postnl-barcode';

let postnl: FakePostnl;
beforeEach(async () => {
  postnl = await startFakePostnl();
});
afterEach(async () => {
  await postnl.close();
});

const makeCarton = (overrides: Partial<CarrierCarton> = {}): CarrierCarton => ({
  sscc: '387123450000000012',
  fulfillmentId: 'f-1001',
  service: 'parcel',
  weightGrams: 1200,
  destinationCountry: 'NL',
  ...overrides,
});

async function makeStation(options: { postnlConfigured: boolean; online: boolean }) {
  const numbers = new NumberLeases({
    path: join(mkdtempSync(join(tmpdir(), 'carriers-')), 'number-leases.json'),
    requestLease: async () => ({
      kind: 'tracking',
      prefix: 'LA',
      countryCode: 'NL',
      next: 1,
      end: 99,
    }),
    lowWaterMark: 0,
  });
  await numbers.topUp();
  const carriers = new CarrierRegistry({
    own: createLeasedOwnCarrier(numbers),
    adapters: options.postnlConfigured
      ? [
          createPostnlCarrier({
            baseUrl: postnl.url,
            apiKey: postnl.apiKey,
            customerCode: 'DEVC',
            customerNumber: '11223344',
            serie: '987000000-987600000',
            timeoutMs: 1000,
          }),
        ]
      : [],
    notConfigured: options.postnlConfigured
      ? {}
      : { postnl: 'PostNL is not configured at this station' },
  });
  const state = { online: options.online };
  // Only the numbering methods are called here; the dispatcher looks handlers up by name.
  const handlers = numberingHandlers({ numbers, carriers, isOnline: () => state.online });
  const dispatch = createDispatcher(handlers as unknown as StationHandlers, () => {});
  return { dispatch, state, carriers };
}

describe('tracking numbers by carrier', () => {
  it('gives a PostNL carton a PostNL barcode while online', async () => {
    const { dispatch } = await makeStation({ postnlConfigured: true, online: true });
    const answer = await dispatch('allocateTrackingNumber', {
      carrier: 'postnl',
      carton: makeCarton(),
    });
    expect(answer).toEqual({
      ok: true,
      value: { trackingNumber: postnl.barcodesIssued[0], carrier: 'postnl' },
    });
    expect(postnl.barcodesIssued[0]).toMatch(/^3SDEVC\d{9}$/);
  });

  it('leaves a PostNL carton label-pending offline without asking PostNL', async () => {
    const { dispatch } = await makeStation({ postnlConfigured: true, online: false });
    const answer = await dispatch('allocateTrackingNumber', {
      carrier: 'postnl',
      carton: makeCarton(),
    });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'label_pending',
        message:
          'PostNL numbers cartons online only; the label prints when the station is back online',
        reason: { code: 'carrier_online_only', params: { carrier: 'PostNL' } },
      },
    });
    expect(postnl.requests).toEqual([]);
  });

  it("keeps PostNL's failure as the reason when its API fails while online", async () => {
    const { dispatch } = await makeStation({ postnlConfigured: true, online: true });
    postnl.mode = 'failing';
    expect(
      await dispatch('allocateTrackingNumber', { carrier: 'postnl', carton: makeCarton() }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'carrier_unavailable',
        message: "PostNL's barcode service failed (HTTP 503)",
        reason: { code: 'carrier_failed', params: { carrier: 'PostNL', status: 503 } },
      },
    });
  });

  it('numbers offline with the own carrier, for callers that name no carrier too', async () => {
    const { dispatch } = await makeStation({ postnlConfigured: true, online: false });
    expect(await dispatch('allocateTrackingNumber', {})).toEqual({
      ok: true,
      value: { trackingNumber: expect.stringMatching(/^LA\d{9}NL$/), carrier: 'own' },
    });
    expect(
      await dispatch('allocateTrackingNumber', { carrier: 'own', carton: makeCarton() }),
    ).toMatchObject({ ok: true, value: { carrier: 'own' } });
  });

  it('falls back to the own carrier for an unconfigured or unknown carrier, and says why', async () => {
    const { dispatch, carriers } = await makeStation({ postnlConfigured: false, online: true });
    expect(
      await dispatch('allocateTrackingNumber', { carrier: 'postnl', carton: makeCarton() }),
    ).toEqual({
      ok: true,
      value: {
        trackingNumber: expect.stringMatching(/^LA\d{9}NL$/),
        carrier: 'own',
        fallbackReason: 'PostNL is not configured at this station; numbered as the own carrier',
        fallback: { code: 'carrier_not_configured', params: { carrier: 'PostNL' } },
      },
    });
    expect(
      await dispatch('allocateTrackingNumber', { carrier: 'dpd', carton: makeCarton() }),
    ).toMatchObject({
      ok: true,
      value: {
        carrier: 'own',
        fallbackReason:
          'This station has no adapter for carrier "dpd"; numbered as the own carrier',
        fallback: { code: 'carrier_no_adapter', params: { carrier: 'DPD' } },
      },
    });
    expect(postnl.requests).toEqual([]);
    expect(carriers.describe()).toContain(
      'carrier postnl: PostNL is not configured at this station; its cartons get own-carrier numbers',
    );
  });

  it('refuses a malformed carrier or carton at the boundary, naming the field', async () => {
    const { dispatch } = await makeStation({ postnlConfigured: true, online: true });
    expect(await dispatch('allocateTrackingNumber', { carrier: 'PostNL; DROP' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_arguments', field: 'carrier' },
    });
    expect(
      await dispatch('allocateTrackingNumber', {
        carrier: 'postnl',
        carton: makeCarton({ sscc: '123' }),
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_arguments',
        field: 'carton.sscc',
        message: expect.stringMatching(/18 digits/),
      },
    });
    expect(postnl.requests).toEqual([]);
  });
});
