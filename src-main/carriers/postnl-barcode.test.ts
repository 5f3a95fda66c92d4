import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CarrierUnavailableError } from '../../shared/carriers/carrier-adapter';
import { startFakePostnl, type FakePostnl } from '../../test/support/fake-postnl';
import { requestPostnlBarcode } from './postnl-barcode';
import type { PostnlConfig } from './postnl-config';

let postnl: FakePostnl;
beforeEach(async () => {
  postnl = await startFakePostnl();
});
afterEach(async () => {
  await postnl.close();
});

function makeConfig(overrides: Partial<PostnlConfig> = {}): PostnlConfig {
  return {
    baseUrl: postnl.url,
    apiKey: postnl.apiKey,
    customerCode: 'DEVC',
    customerNumber: '11223344',
    serie: '987000000-987600000',
    timeoutMs: 2000,
    ...overrides,
  };
}

describe("PostNL's barcode web service", () => {
  it('answers a 3S barcode per carton, asking with the API key and the customer range', async () => {
    const first = await requestPostnlBarcode(makeConfig());
    const second = await requestPostnlBarcode(makeConfig());
    expect(first).toMatch(/^3SDEVC\d{9}$/);
    expect(second).not.toBe(first);
    expect(postnl.barcodesIssued).toEqual([first, second]);
    const asked = new URL(postnl.requests[0]!.url, postnl.url);
    expect(asked.pathname).toBe('/shipment/v1_1/barcode');
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      CustomerCode: 'DEVC',
      CustomerNumber: '11223344',
      Type: '3S',
      Serie: '987000000-987600000',
    });
    expect(postnl.requests[0]!.apiKey).toBe(postnl.apiKey);
  });

  it('says the API key was refused on 401, without repeating the key', async () => {
    const failure = requestPostnlBarcode(makeConfig({ apiKey: 'wrong-key-123456' }));
    await expect(failure).rejects.toBeInstanceOf(CarrierUnavailableError);
    await expect(failure).rejects.toThrow(
      'PostNL refused the API key (HTTP 401: Invalid ApiKey, oauth.v2.InvalidApiKey); check POSTNL_API_KEY',
    );
    await expect(failure).rejects.not.toThrow(/wrong-key/);
    await expect(failure).rejects.toMatchObject({
      reason: { code: 'carrier_key_refused', params: { carrier: 'PostNL', status: 401 } },
    });
    expect(postnl.barcodesIssued).toEqual([]);
  });

  it("passes on PostNL's own reason when it refuses the request", async () => {
    await expect(requestPostnlBarcode(makeConfig({ customerNumber: '99999999' }))).rejects.toThrow(
      'PostNL refused the barcode request: Invalid customer code or number, error 13',
    );
  });

  it('reports a server error with its status', async () => {
    postnl.mode = 'failing';
    await expect(requestPostnlBarcode(makeConfig())).rejects.toThrow(
      "PostNL's barcode service failed (HTTP 503)",
    );
  });

  it('gives up after the timeout when PostNL does not answer', async () => {
    postnl.mode = 'silent';
    const started = performance.now();
    const failure = requestPostnlBarcode(makeConfig({ timeoutMs: 600 }));
    await expect(failure).rejects.toThrow(`PostNL did not answer within 600 ms (${postnl.url})`);
    await expect(failure).rejects.toMatchObject({
      reason: { code: 'carrier_timeout', params: { carrier: 'PostNL', ms: 600 } },
    });
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('says PostNL cannot be reached when nothing listens', async () => {
    const url = postnl.url;
    await postnl.close();
    const failure = requestPostnlBarcode(makeConfig({ baseUrl: url }));
    await expect(failure).rejects.toThrow(`PostNL cannot be reached at ${url}: ECONNREFUSED`);
    await expect(failure).rejects.toMatchObject({
      reason: {
        code: 'carrier_unreachable',
        params: { carrier: 'PostNL', detail: 'ECONNREFUSED' },
      },
    });
    postnl = await startFakePostnl();
  });

  it('refuses a 200 answer that is not a barcode, quoting what came back', async () => {
    postnl.mode = 'portal';
    await expect(requestPostnlBarcode(makeConfig())).rejects.toThrow(
      'PostNL answered without a valid 3S barcode: "<html><body>Please sign in to the guest network</body></html>"',
    );
  });
});
