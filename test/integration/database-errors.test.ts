// Errors PostgreSQL raises for a request's data, provoked for real on PGlite and PostgreSQL 15,
// become 4xx answers naming what clashed; anything else stays a 500.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toApiError } from '../../src-server/http/error-handler';
import { BACKENDS, openTestDatabase } from '../support/server-harness';
import { seedCatalog, seedChannels, testProduct } from '../support/oms-fixtures';

describe.each(BACKENDS)('database errors on %s', (backend) => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  const failure = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      return toApiError(error as Error);
    }
    throw new Error('the statement did not fail');
  };

  beforeAll(async () => {
    handle = await openTestDatabase(backend, 'dberrors');
    await seedChannels(handle.db);
    await seedCatalog(handle.db, { 'SKU-1': { 'NL-TIL': 1 } });
  });
  afterAll(() => handle.close());

  it('answers a duplicate key with 409 naming the key column', async () => {
    const answer = await failure(() =>
      handle.db.insertInto('products').values(testProduct('SKU-1')).execute(),
    );
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ code: 'already_exists', field: 'sku' });
    expect(answer.body.message).toContain('SKU-1');
  });

  it('names the column inside an expression index (lower(name))', async () => {
    const company = { kind: 'company' as const, name: 'Acme BV', locale: 'en' };
    await handle.db
      .insertInto('customers')
      .values({ id: crypto.randomUUID(), ...company })
      .execute();
    const answer = await failure(() =>
      handle.db
        .insertInto('customers')
        .values({ id: crypto.randomUUID(), ...company, name: 'ACME bv' })
        .execute(),
    );
    expect(answer).toMatchObject({ status: 409, body: { field: 'name' } });
  });

  it('answers a reference to nothing with 422 and one still in use with 409', async () => {
    const missing = await failure(() =>
      handle.db
        .insertInto('product_gtins')
        .values({ gtin: '87123400000017', sku: 'NOPE' })
        .execute(),
    );
    expect(missing).toMatchObject({
      status: 422,
      body: { code: 'unknown_reference', field: 'sku' },
    });
    const inUse = await failure(() =>
      handle.db.deleteFrom('channels').where('code', '=', 'web').execute(),
    );
    expect(inUse).toMatchObject({ status: 409, body: { code: 'still_referenced' } });
  });

  it('answers a check or not-null constraint with 422 naming the column', async () => {
    const check = await failure(() =>
      handle.db
        .insertInto('products')
        .values({ ...testProduct('SKU-2'), weight_grams: 0 })
        .execute(),
    );
    expect(check).toMatchObject({
      status: 422,
      body: { code: 'constraint_violated', field: 'weightGrams' },
    });
    const notNull = await failure(() =>
      sql`insert into products (sku, weight_grams, length_mm, width_mm, height_mm, hs_code, country_of_origin)
          values ('SKU-3', 1, 1, 1, 1, '691200', 'NL')`.execute(handle.db),
    );
    expect(notNull).toMatchObject({ status: 422, body: { code: 'missing_value', field: 'name' } });
  });

  it('answers values the column types cannot hold with a 4xx', async () => {
    const yearZero = await failure(() =>
      sql`select ${'0000-01-01T00:00:00Z'}::timestamptz`.execute(handle.db),
    );
    expect(yearZero).toMatchObject({ status: 422, body: { code: 'invalid_date' } });
    const notUuid = await failure(() =>
      handle.db.selectFrom('orders').select('id').where('id', '=', 'not-a-uuid').execute(),
    );
    expect(notUuid).toMatchObject({ status: 400, body: { code: 'invalid_value' } });
    const tooBig = await failure(() => sql`select ${String(2 ** 40)}::int`.execute(handle.db));
    expect(tooBig).toMatchObject({ status: 422, body: { code: 'out_of_range' } });
    const nul = await failure(() => sql`select ${'a\u0000b'}::text`.execute(handle.db));
    expect(nul.status).toBeGreaterThanOrEqual(400);
    expect(nul.status).toBeLessThan(500);
  });

  it('keeps a 500 for what is not about the data', async () => {
    const pipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    expect(toApiError(pipe).status).toBe(500);
    expect(toApiError(new RangeError('Invalid time value')).status).toBe(500);
    const syntax = await failure(() => sql`selec 1`.execute(handle.db));
    expect(syntax.status).toBe(500);
  });
});
