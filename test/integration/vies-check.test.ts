// The live VIES check against a local HTTP server playing the Commission's REST API: a valid number
// (kept with its date and consultation number, then reused), an invalid one, a member state that
// is unavailable, a timeout and a malformed answer (the offline result stands, the live check
// says it was unavailable); and off by default.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVatNumber } from '../../src-server/tax/vies-check';
import { VIES_OFF, type ViesSettings } from '../../src-server/tax/vies-settings';
import { openTestDatabase } from '../support/server-harness';

let mode: 'valid' | 'invalid' | 'ms_unavailable' | 'slow' | 'malformed' = 'valid';
const asked: unknown[] = [];

describe('the live VIES check (PGlite)', () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let vies: Server;
  let settings: ViesSettings;

  beforeAll(async () => {
    vies = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        asked.push({ url: req.url, body: JSON.parse(body) as unknown });
        const json = (status: number, value: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
        if (mode === 'valid')
          json(200, {
            countryCode: 'DE',
            vatNumber: '143454214',
            requestDate: '2026-12-06T10:00:00.000Z',
            valid: true,
            requestIdentifier: 'WAPIAAAAY1234567',
            name: '---',
            address: '---',
          });
        else if (mode === 'invalid')
          json(200, {
            countryCode: 'DE',
            vatNumber: '143454214',
            requestDate: '2026-12-06',
            valid: false,
          });
        else if (mode === 'ms_unavailable')
          json(200, {
            actionSucceed: false,
            errorWrappers: [{ error: 'MS_UNAVAILABLE', message: 'x' }],
          });
        else if (mode === 'malformed') res.writeHead(200).end('<html>busy</html>');
        else setTimeout(() => json(200, { valid: true, requestDate: 'late' }), 5_000);
      });
    });
    await new Promise<void>((resolve) => vies.listen(0, '127.0.0.1', resolve));
    settings = {
      baseUrl: `http://127.0.0.1:${(vies.address() as AddressInfo).port}/rest-api`,
      timeoutMs: 2_000,
      cacheDays: 0,
    };
    handle = await openTestDatabase('pglite', 'vies');
  }, 180_000);
  afterAll(async () => {
    await handle?.close();
    await new Promise<void>((resolve) => vies.close(() => resolve()));
  });

  it('asks nothing when VIES_URL is not set, or for a number invalid offline', async () => {
    const off = await checkVatNumber(handle.db, VIES_OFF, 'DE143454214', 'DE');
    expect(off).toMatchObject({ offline: { valid: true }, live: { status: 'off' } });
    const bad = await checkVatNumber(handle.db, settings, 'DE143454215', 'DE');
    expect(bad).toMatchObject({ offline: { valid: false }, live: { status: 'not_applicable' } });
    expect(asked).toHaveLength(0);
  });

  it('keeps a valid answer with its date and consultation number, then reuses it', async () => {
    mode = 'valid';
    const live = await checkVatNumber(
      handle.db,
      { ...settings, cacheDays: 7 },
      'de 143 454 214',
      'DE',
    );
    expect(live.live).toEqual({
      status: 'valid',
      requestDate: '2026-12-06T10:00:00.000Z',
      consultationNumber: 'WAPIAAAAY1234567',
      traderName: null,
      traderAddress: null,
      cached: false,
    });
    expect(asked.at(-1)).toEqual({
      url: '/rest-api/check-vat-number',
      body: { countryCode: 'DE', vatNumber: '143454214' },
    });
    const again = await checkVatNumber(
      handle.db,
      { ...settings, cacheDays: 7 },
      'DE143454214',
      'DE',
    );
    expect(again.live).toMatchObject({
      status: 'valid',
      cached: true,
      consultationNumber: 'WAPIAAAAY1234567',
    });
    expect(asked).toHaveLength(1);
  });

  it('says invalid when VIES does not know the number', async () => {
    mode = 'invalid';
    const answer = await checkVatNumber(handle.db, settings, 'DE143454214', 'DE');
    expect(answer).toMatchObject({
      offline: { valid: true },
      live: { status: 'invalid', cached: false },
    });
  });

  it.each([
    ['ms_unavailable', 'MS_UNAVAILABLE'],
    ['slow', 'TIMEOUT'],
    ['malformed', 'MALFORMED_ANSWER'],
  ] as const)('keeps the offline result when VIES answers %s', async (m, error) => {
    mode = m;
    const answer = await checkVatNumber(handle.db, settings, 'DE143454214', 'DE');
    expect(answer).toEqual({
      vatNumber: 'DE143454214',
      offline: { valid: true, problem: null },
      live: { status: 'unavailable', error },
    });
  });
});
