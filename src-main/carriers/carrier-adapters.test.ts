// Every label adapter against a local server playing its carrier's API: the carrier's label
// arrives byte for byte, and each way a carrier fails (its validation message, refused
// credentials, 429 with Retry-After, no answer, a 503, an answer that is not its shape, nothing
// listening) becomes a CarrierApiError of the right kind that names the carrier.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carrierLabelSchema } from '../../shared/carriers/carrier-shipment';
import {
  bpostApi,
  dhlParcelApi,
  dpdApi,
  FAKE_SECRETS,
  glsApi,
  postnlApi,
  sendcloudApi,
  upsApi,
  type IssuedLabel,
} from '../../test/support/fake-carriers/carrier-apis';
import {
  startFakeCarrier,
  type CarrierHandler,
  type FakeCarrier,
} from '../../test/support/fake-carriers/fake-carrier';
import { CarrierApiError, type CarrierFailureKind } from './carrier-label-api';
import { makeAdapter, makeCarrierRequest, type CarrierUnderTest } from './carrier-test-fixtures';

const CARRIERS: {
  carrier: CarrierUnderTest;
  name: string;
  api: (issued: IssuedLabel[]) => CarrierHandler;
  tracking: RegExp;
  refusal: string;
  /** bpost labels as PDF only; the others send ZPL. */
  format?: 'pdf';
}[] = [
  {
    carrier: 'postnl',
    name: 'PostNL',
    api: postnlApi,
    tracking: /^3SDEVC\d{9}$/,
    refusal: 'Zipcode is invalid for Countrycode NL, code 2',
  },
  {
    carrier: 'dhl-parcel',
    name: 'DHL Parcel',
    api: dhlParcelApi,
    tracking: /^JVGL\d{14}$/,
    refusal: 'Validation failed, receiver.address.postalCode: invalid postal code, INVALID_REQUEST',
  },
  {
    carrier: 'dpd',
    name: 'DPD',
    api: dpdApi,
    tracking: /^0998112233\d{4}$/,
    refusal: 'Zip code invalid for the country, fault COMMON_7',
  },
  {
    carrier: 'bpost',
    name: 'bpost',
    api: bpostApi,
    tracking: /^32320000000\d{13}$/,
    refusal: 'Invalid postal code 0000XX for country',
    format: 'pdf',
  },
  {
    carrier: 'gls',
    name: 'GLS',
    api: glsApi,
    tracking: /^ZG\d{8}$/,
    refusal: 'Invalid ZIP code, (Consignee.Address.ZIPCode), error E015',
  },
  {
    carrier: 'sendcloud',
    name: 'Sendcloud',
    api: sendcloudApi,
    tracking: /^3SSCLD\d+$/,
    refusal: '/to_address/postal_code: Enter a valid postal code.',
  },
  {
    carrier: 'ups',
    name: 'UPS',
    api: upsApi,
    tracking: /^1Z999AA1\d{10}$/,
    refusal: 'Address Validation Error on ShipTo address, code 120802',
  },
];

async function failureOf(promise: Promise<unknown>): Promise<CarrierApiError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CarrierApiError);
  return err as CarrierApiError;
}

describe.each(CARRIERS)(
  '$name label adapter',
  ({ carrier, name, api, tracking, refusal, format }) => {
    let fake: FakeCarrier;
    let issued: IssuedLabel[];
    beforeEach(async () => {
      issued = [];
      fake = await startFakeCarrier(api(issued));
    });
    afterEach(async () => {
      await fake.close();
    });

    it("answers the tracking number and the carrier's own label (ZPL, else PDF), byte for byte", async () => {
      const adapter = makeAdapter(carrier, fake.url);
      const label = carrierLabelSchema.parse(await adapter.createShipment(makeCarrierRequest()));
      expect(label.trackingNumber).toMatch(tracking);
      expect(label.format).toBe(format ?? 'zpl');
      expect(issued).toHaveLength(1);
      const sent = format === 'pdf' ? issued[0]!.pdf! : issued[0]!.zpl;
      expect(label.payload).toBe(sent);
      if (format === 'pdf')
        expect(Buffer.from(label.payload, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      expect(label.trackingNumber).toBe(issued[0]!.trackingNumber);
      // A second carton gets its own number.
      const second = await adapter.createShipment({
        ...makeCarrierRequest(),
        sscc: '087123450000000029',
      });
      expect(second.trackingNumber).not.toBe(label.trackingNumber);
    });

    it("passes on the carrier's own validation message", async () => {
      const adapter = makeAdapter(carrier, fake.url);
      const request = makeCarrierRequest();
      request.parcel.shipTo.postalCode = '0000XX';
      const err = await failureOf(adapter.createShipment(request));
      expect(err.kind).toBe<CarrierFailureKind>('refused');
      expect(err.message).toBe(`${name} refused the shipment: ${refusal}`);
      expect(err.reason).toEqual({
        code: 'carrier_request_refused',
        params: { carrier: name, detail: refusal },
      });
      expect(issued).toEqual([]);
    });

    it('says the credentials were refused, without repeating them', async () => {
      const err = await failureOf(
        makeAdapter(carrier, fake.url, { wrongSecret: true }).createShipment(makeCarrierRequest()),
      );
      expect(err.kind).toBe<CarrierFailureKind>('auth');
      expect(err.message).toMatch(new RegExp(`^${name} refused the credentials \\(HTTP \\d{3}`));
      for (const secret of Object.values(FAKE_SECRETS)) expect(err.message).not.toContain(secret);
      expect(err.reason).toMatchObject({
        code: 'carrier_credentials_refused',
        params: { carrier: name },
      });
    });

    it('reads Retry-After on a 429', async () => {
      fake.mode = 'rate-limited';
      const err = await failureOf(
        makeAdapter(carrier, fake.url).createShipment(makeCarrierRequest()),
      );
      expect(err.kind).toBe<CarrierFailureKind>('rate-limited');
      expect(err.retryAfterMs).toBe(7000);
      expect(err.message).toBe(`${name} is limiting requests (HTTP 429); trying again in 7 s`);
      expect(err.reason).toEqual({ code: 'carrier_rate_limited', params: { carrier: name } });
    });

    it('gives up after its deadline when the carrier does not answer', async () => {
      fake.mode = 'silent';
      const started = performance.now();
      const err = await failureOf(
        makeAdapter(carrier, fake.url, { timeoutMs: 600 }).createShipment(makeCarrierRequest()),
      );
      expect(err.kind).toBe<CarrierFailureKind>('timeout');
      expect(err.message).toBe(`${name} did not answer within 600 ms (${fake.url})`);
      expect(err.reason).toEqual({ code: 'carrier_timeout', params: { carrier: name, ms: 600 } });
      expect(performance.now() - started).toBeLessThan(3000);
    });

    it('reports an outage page and an answer that is not the carrier’s', async () => {
      fake.mode = 'down';
      const down = await failureOf(
        makeAdapter(carrier, fake.url).createShipment(makeCarrierRequest()),
      );
      expect(down.kind).toBe<CarrierFailureKind>('failed');
      expect(down.message).toContain('HTTP 503');
      expect(down.reason).toEqual({
        code: 'carrier_failed',
        params: { carrier: name, status: 503 },
      });
      fake.mode = 'malformed';
      const odd = await failureOf(
        makeAdapter(carrier, fake.url).createShipment(makeCarrierRequest()),
      );
      expect(odd.kind).toBe<CarrierFailureKind>('malformed');
      expect(odd.message).toMatch(new RegExp(`^${name} answered without .*guest network`));
      expect(odd.reason).toEqual({ code: 'carrier_bad_label', params: { carrier: name } });
    });

    it('says the carrier cannot be reached when nothing listens', async () => {
      const url = fake.url;
      await fake.close();
      const err = await failureOf(makeAdapter(carrier, url).createShipment(makeCarrierRequest()));
      expect(err.kind).toBe<CarrierFailureKind>('unreachable');
      expect(err.message).toBe(`${name} cannot be reached at ${url}: ECONNREFUSED`);
      expect(err.reason).toEqual({
        code: 'carrier_unreachable',
        params: { carrier: name, detail: 'ECONNREFUSED' },
      });
      fake = await startFakeCarrier(api(issued));
    });
  },
);

describe('cancelling a voided label', () => {
  it('cancels at Sendcloud (POST …/cancel) and bpost (order CANCELLED), voids at UPS (DELETE …/void/cancel/{id})', async () => {
    for (const [carrier, api, path] of [
      ['sendcloud', sendcloudApi, /^\/api\/v3\/shipments\/shp_\d+\/cancel$/],
      ['bpost', bpostApi, /^\/services\/shm\/107423\/orders\/087123450000000012$/],
      ['gls', glsApi, /^\/backend\/rs\/shipments\/cancel\/ZG\d{8}$/],
      ['ups', upsApi, /^\/api\/shipments\/v2409\/void\/cancel\/1Z999AA1\d{10}$/],
    ] as const) {
      const fake = await startFakeCarrier(api([]));
      try {
        const adapter = makeAdapter(carrier, fake.url);
        const label = await adapter.createShipment(makeCarrierRequest());
        await adapter.cancelShipment(label);
        expect(fake.requests.at(-1)!.path).toMatch(path);
        fake.mode = 'down';
        await expect(adapter.cancelShipment(label)).rejects.toBeInstanceOf(CarrierApiError);
      } finally {
        await fake.close();
      }
    }
  });

  it('needs no call at carriers that bill scanned parcels only', async () => {
    for (const carrier of ['postnl', 'dhl-parcel', 'dpd'] as const) {
      const adapter = makeAdapter(carrier, 'http://127.0.0.1:9');
      await expect(
        adapter.cancelShipment({ trackingNumber: 'X1234567', carrierShipmentId: 'X1234567' }),
      ).resolves.toBeUndefined();
    }
  });

  it('closes the day at GLS (end of day) and counts the shipments it covered', async () => {
    const issued: IssuedLabel[] = [];
    const fake = await startFakeCarrier(glsApi(issued));
    try {
      const adapter = makeAdapter('gls', fake.url);
      await adapter.createShipment(makeCarrierRequest());
      await adapter.createShipment({ ...makeCarrierRequest(), sscc: '087123450000000029' });
      expect(await adapter.closeDay!('2026-12-03')).toEqual({ shipments: 2 });
      expect(fake.requests.at(-1)).toMatchObject({
        method: 'POST',
        path: '/backend/rs/shipments/endofday',
      });
      expect(fake.requests.at(-1)!.query.get('date')).toBe('2026-12-03');
      fake.mode = 'down';
      await expect(adapter.closeDay!('2026-12-03')).rejects.toBeInstanceOf(CarrierApiError);
    } finally {
      await fake.close();
    }
  });

  it('asks no end-of-day close of carriers that do not need one', () => {
    for (const carrier of ['postnl', 'dhl-parcel', 'dpd', 'bpost', 'sendcloud', 'ups'] as const)
      expect(makeAdapter(carrier, 'http://127.0.0.1:9').closeDay).toBeUndefined();
  });
});
