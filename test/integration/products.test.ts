// Product master data through the API, on PGlite and on PostgreSQL 15: created and replaced with
// its GTINs and prices, validated field by field, and sent to the stations that stock it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gs1CheckDigit } from '../../shared/gs1/check-digit';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';

const gtin = (n: number) => {
  const body = `871234${String(900 + n).padStart(6, '0')}`;
  return body + String(gs1CheckDigit(body));
};

const product = (overrides: Record<string, unknown> = {}) => ({
  name: 'Noise-cancelling headphones',
  gtins: [gtin(1)],
  weightGrams: 310,
  lengthMm: 220,
  widthMm: 180,
  heightMm: 90,
  hsCode: '851830',
  countryOfOrigin: 'CN',
  prices: { EUR: 19900, GBP: 17100 },
  requiresSerial: true,
  ...overrides,
});

describe.each(BACKENDS)('products on %s', (backend) => {
  let server: TestServer;
  const put = (sku: string, body: unknown) =>
    server.app.inject({
      method: 'PUT',
      url: `/v1/products/${sku}`,
      headers: bearer(ADMIN_TOKEN),
      payload: body as object,
    });
  const get = (sku: string) =>
    server.app.inject({ method: 'GET', url: `/v1/products/${sku}`, headers: bearer(ADMIN_TOKEN) });
  const stationDoc = async (warehouse: string, sku: string) =>
    (
      await server.db
        .selectFrom('sync_documents')
        .select(['doc', 'updated_at'])
        .where('warehouse_code', '=', warehouse)
        .where('collection', '=', 'products')
        .where('id', '=', sku)
        .executeTakeFirst()
    )?.doc as Record<string, unknown> | undefined;

  beforeAll(async () => {
    server = await startTestServer(backend, 'products');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 5, 'BE-GNT': 2 },
      'SKU-2': { 'NL-TIL': 1 },
    });
  });
  afterAll(() => server.close());

  it('creates a product, then replaces it; the response and GET show what is stored', async () => {
    const created = await put('HP-100', product());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      sku: 'HP-100',
      gtins: [gtin(1)],
      prices: { EUR: 19900, GBP: 17100 },
      requiresSerial: true,
      requiresLot: false,
      stockedIn: [],
    });
    const replaced = await put('HP-100', product({ gtins: [gtin(2)], prices: { EUR: 17900 } }));
    expect(replaced.statusCode).toBe(200);
    expect((await get('HP-100')).json()).toMatchObject({
      gtins: [gtin(2)],
      prices: { EUR: 17900 },
    });
    expect((await get('NO-SUCH')).statusCode).toBe(404);
  });

  it('sends the new version to the stations of every warehouse that stocks it', async () => {
    const before = await stationDoc('NL-TIL', 'SKU-1');
    await put(
      'SKU-1',
      product({
        name: 'Face cream',
        gtins: [gtin(3)],
        requiresSerial: false,
        requiresLot: true,
        requiresExpiry: true,
      }),
    );
    for (const warehouse of ['NL-TIL', 'BE-GNT']) {
      expect(await stationDoc(warehouse, 'SKU-1')).toMatchObject({
        name: 'Face cream',
        gtins: [gtin(3).padStart(14, '0')],
        requiresLot: true,
        requiresExpiry: true,
        requiresSerial: false,
      });
    }
    expect(await stationDoc('DE-KSL', 'SKU-1')).toBeUndefined();
    expect(before).toBeUndefined(); // nothing was published for it before (the fixture writes rows only)
  });

  it('refuses bad master data with the field named, and changes nothing', async () => {
    const badDigit = gtin(4).slice(0, -1) + String((Number(gtin(4).at(-1)) + 1) % 10);
    const cases: [unknown, number, string][] = [
      [product({ gtins: [badDigit] }), 400, 'gtins[0]'],
      [product({ gtins: [gtin(5), gtin(5)] }), 400, 'gtins'],
      [product({ gtins: [] }), 400, 'gtins'],
      [product({ hsCode: '85' }), 400, 'hsCode'],
      [product({ countryOfOrigin: 'Netherlands' }), 400, 'countryOfOrigin'],
      [product({ weightGrams: 0 }), 400, 'weightGrams'],
      [product({ prices: { XYZ: 100 } }), 400, 'prices'],
      [product({ name: 'x'.repeat(301) }), 400, 'name'],
    ];
    for (const [body, status, field] of cases) {
      const res = await put('HP-100', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().field).toContain(field);
    }
    // SKU-2's GTIN belongs to SKU-2: another product may not take it.
    const sku2 = (await get('SKU-2')).json().gtins[0];
    const taken = await put('HP-100', product({ gtins: [gtin(6), sku2] }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'gtin_taken', field: 'gtins[1]' });
    expect((await get('HP-100')).json().gtins).toEqual([gtin(2)]);
  });

  it('refuses a blank name and trims the one it keeps', async () => {
    for (const name of ['', '   ', '\t\u00a0\u200b']) {
      const res = await put('HP-200', product({ name, gtins: [gtin(7)] }));
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('name');
    }
    const res = await put('HP-200', product({ name: '  Desk lamp ', gtins: [gtin(7)] }));
    expect(res.json().name).toBe('Desk lamp');
  });

  it('answers two concurrent creates of one SKU with 201 and 200, never a key violation', async () => {
    for (let round = 0; round < 5; round++) {
      const sku = `RACE-${round}`;
      const answers = await Promise.all(
        [0, 1].map(() => put(sku, product({ gtins: [gtin(20 + round)] }))),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    }
  });

  it('gives a GTIN wanted by two new products at once to one, and a 409 naming it to the other', async () => {
    for (let round = 0; round < 5; round++) {
      const shared = gtin(40 + round);
      const answers = await Promise.all(
        ['A', 'B'].map((p) =>
          put(
            `TWIN-${p}${round}`,
            product({ gtins: [gtin(60 + round * 2 + (p === 'A' ? 0 : 1)), shared] }),
          ),
        ),
      );
      const statuses = answers.map((a) => a.statusCode).sort();
      expect(statuses).toEqual([201, 409]);
      const refused = answers.find((a) => a.statusCode === 409)!;
      expect(refused.json()).toMatchObject({ code: 'gtin_taken', field: 'gtins[1]' });
      // The refused product was not half-created: no row, no GTIN, no price.
      const loser = answers.indexOf(refused) === 0 ? `TWIN-A${round}` : `TWIN-B${round}`;
      expect((await get(loser)).statusCode).toBe(404);
      const gtins = await server.db
        .selectFrom('product_gtins')
        .select('gtin')
        .where('sku', '=', loser)
        .execute();
      expect(gtins).toEqual([]);
    }
  });
});
