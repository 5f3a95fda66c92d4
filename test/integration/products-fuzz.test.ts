// The product API under 1,000 hostile bodies and SKUs on one PGlite database: never a 5xx, every
// refusal names what is wrong, 201 only for a new SKU and 200 only for a known one, and the
// catalogue holds exactly the last accepted version of every SKU (no half-written product).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../shared/gs1/check-digit';
import { productInputSchema, type ProductInput } from '../../src-server/catalog/upsert-product';
import { isBlank } from '../../shared/validation/text';
import type { Database } from '../../src-server/db/schema';
import {
  brokenJson,
  expectNamedAnswer,
  hostileBody,
  pathSegment,
  putAt,
} from '../support/fuzz-bodies';
import { hostileString } from '../support/hostile-values';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server-harness';
import { bearer, seedCatalog } from '../support/oms-fixtures';

let serial = 0;
const gtin = (n: number) => {
  const body = `871299${String(n).padStart(6, '0')}`;
  return body + String(gs1CheckDigit(body));
};

/** A valid product with GTINs no other product has. */
function validProduct() {
  serial += 1;
  return {
    name: `Lamp ${serial}`,
    gtins: [gtin(serial * 2), gtin(serial * 2 + 1)],
    weightGrams: 900,
    lengthMm: 300,
    widthMm: 200,
    heightMm: 150,
    hsCode: '940540',
    countryOfOrigin: 'NL',
    prices: { EUR: 4995, GBP: 4295 },
    requiresLot: false,
    requiresSerial: serial % 2 === 0,
  };
}

const SKUS = Array.from({ length: 25 }, (_, i) => `FZ-P${i}`);

describe('product API fuzz on PGlite', () => {
  let server: TestServer;
  let takenGtin: string;
  const count = async (table: keyof Database & ('products' | 'product_gtins' | 'product_prices')) =>
    Number(
      (
        await server.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startTestServer('pglite', 'productsfuzz');
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 5 } });
    const row = await server.db
      .selectFrom('product_gtins')
      .select('gtin')
      .executeTakeFirstOrThrow();
    takenGtin = row.gtin;
  });
  afterAll(() => server.close());

  const put = (sku: string, text: string) =>
    server.app.inject({
      method: 'PUT',
      url: `/v1/products/${pathSegment(sku)}`,
      headers: { ...bearer(ADMIN_TOKEN), 'content-type': 'application/json' },
      payload: text,
    });

  it('answers 1,000 hostile PUTs with 201/200 or a named 4xx, keeping exactly the accepted versions', async () => {
    const before = await Promise.all([
      count('products'),
      count('product_gtins'),
      count('product_prices'),
    ]);
    const accepted = new Map<string, ProductInput>();
    const sku = fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...SKUS) },
      { weight: 1, arbitrary: hostileString.map((s) => s.slice(0, 300)) },
    );
    const taken = fc.constant(putAt(['gtins', 1], takenGtin, 'a GTIN of SKU-1'));
    const body = fc.oneof(
      { weight: 12, arbitrary: hostileBody(validProduct, [taken]) },
      { weight: 1, arbitrary: brokenJson.map((text) => ({ text, mutations: [] })) },
    );
    await fc.assert(
      fc.asyncProperty(sku, body, async (target, { text, mutations }) => {
        const res = await put(target, text);
        const knownSku = SKUS.includes(target);
        expectNamedAnswer(res, [...mutations.map((m) => m.path), ...(knownSku ? [] : [['sku']])], {
          fieldless: ['not_found'],
        });
        if (res.statusCode === 201 || res.statusCode === 200) {
          expect(res.statusCode).toBe(accepted.has(target) ? 200 : 201);
          accepted.set(target, productInputSchema.parse(JSON.parse(text)));
        }
      }),
      { numRuns: 1000 },
    );

    const versions = [...accepted.values()];
    expect(
      await Promise.all([count('products'), count('product_gtins'), count('product_prices')]),
    ).toEqual([
      before[0]! + accepted.size,
      before[1]! + versions.reduce((n, p) => n + p.gtins.length, 0),
      before[2]! + versions.reduce((n, p) => n + Object.keys(p.prices).length, 0),
    ]);
    for (const [target, version] of accepted) {
      const view = (
        await server.app.inject({
          method: 'GET',
          url: `/v1/products/${pathSegment(target)}`,
          headers: bearer(ADMIN_TOKEN),
        })
      ).json();
      // Independent of the schema under test: what is stored is trimmed and never blank.
      expect(isBlank(view.name) || view.name.trim() !== view.name, view.name).toBe(false);
      expect(view).toEqual({
        ...version,
        gtins: [...version.gtins].sort(),
        sku: target,
        stockedIn: [],
      });
    }
    for (const never of SKUS.filter((s) => !accepted.has(s))) {
      const res = await server.app.inject({
        method: 'GET',
        url: `/v1/products/${never}`,
        headers: bearer(ADMIN_TOKEN),
      });
      expect(res.statusCode).toBe(404);
    }
    expect(accepted.size).toBeGreaterThan(10);
  }, 120_000);
});
