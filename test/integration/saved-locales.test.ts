// A packer's and a back-office person's saved language may be any of the supported locales
// (en, nl, de, fr); anything else is refused with a 400 naming the field, and nothing is saved.
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/people/roles';
import { openDatabase } from '../../src-server/db/connect';
import { migrateToLatest } from '../../src-server/db/migrate';
import * as savedLocales from '../../src-server/db/migrations/0805-saved-locales';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import { bearer, seedCatalog } from '../support/oms-fixtures';
import { makePerson, sessionFor, signIn, TEST_PASSWORD } from '../support/people-fixtures';

const notALocale = fc
  .string({ minLength: 0, maxLength: 8 })
  .filter((s) => !(LOCALES as readonly string[]).includes(s));

describe.each(BACKENDS)('saved languages on %s', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, 'saved-locales');
    await seedCatalog(server.db, {});
  });
  afterAll(async () => server.close());

  const inject = (options: InjectOptions) => server.app.inject(options);
  let badgeNumber = 0;
  const addOperator = (locale: unknown) =>
    inject({
      method: 'POST',
      url: '/v1/operators',
      headers: bearer(ADMIN_TOKEN),
      payload: {
        warehouseCode: 'NL-TIL',
        badge: `LOC-${++badgeNumber}`,
        name: 'Packer',
        pin: '4321',
        locale,
      },
    });

  it('saves a packer in German or French and refuses an unknown locale, naming it', async () => {
    for (const locale of ['de', 'fr'] as const) {
      const created = await addOperator(locale);
      expect(created.statusCode).toBe(201);
      const row = await server.db
        .selectFrom('operators')
        .select('locale')
        .where('id', '=', created.json().id as string)
        .executeTakeFirstOrThrow();
      expect(row.locale).toBe(locale);
      // The station receives the packer's language as saved, not collapsed to nl/en.
      const synced = await server.db
        .selectFrom('sync_documents')
        .select('doc')
        .where('collection', '=', 'operators')
        .where('id', '=', created.json().id as string)
        .executeTakeFirstOrThrow();
      expect(synced.doc).toMatchObject({ locale });
    }
    const before = await server.db.selectFrom('operators').select('id').execute();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant('xx'), notALocale), async (locale) => {
        const refused = await addOperator(locale);
        expect(refused.statusCode).toBe(400);
        expect(refused.json()).toMatchObject({ code: 'validation_failed', field: 'locale' });
      }),
      { numRuns: 15 },
    );
    expect(await server.db.selectFrom('operators').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it('saves a back-office person in German or French, changes it, and refuses xx', async () => {
    const admin = await makePerson(server.db, { roles: ['admin'] });
    const headers = (await sessionFor(server.db, admin.id)).headers;
    const created = await inject({
      method: 'POST',
      url: '/v1/people/users',
      headers,
      payload: {
        email: 'sprache@shop.example',
        name: 'Greta',
        password: TEST_PASSWORD,
        roles: ['finance'],
        locale: 'de',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ locale: 'de' });
    const id = created.json().id as string;
    // Sign-in hands the saved language to the back office, which applies it.
    const me = await inject({
      method: 'GET',
      url: '/v1/people/me',
      headers: (await signIn(server.app, 'sprache@shop.example')).headers!,
    });
    expect(me.json()).toMatchObject({ user: { locale: 'de' } });

    const french = await inject({
      method: 'PATCH',
      url: `/v1/people/users/${id}`,
      headers,
      payload: { locale: 'fr' },
    });
    expect(french.json()).toMatchObject({ locale: 'fr' });

    const bad = await inject({
      method: 'PATCH',
      url: `/v1/people/users/${id}`,
      headers,
      payload: { locale: 'xx' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', field: 'locale' });
    const badNew = await inject({
      method: 'POST',
      url: '/v1/people/users',
      headers,
      payload: {
        email: 'xx@shop.example',
        name: 'Nobody',
        password: TEST_PASSWORD,
        roles: ['finance'],
        locale: 'xx',
      },
    });
    expect(badNew.statusCode).toBe(400);
    expect(badNew.json()).toMatchObject({ field: 'locale' });
    const saved = await server.db
      .selectFrom('users')
      .select(['email', 'locale'])
      .where('email', 'in', ['sprache@shop.example', 'xx@shop.example'])
      .execute();
    expect(saved).toEqual([{ email: 'sprache@shop.example', locale: 'fr' }]);
  });
});

describe('0805 down on PGlite', () => {
  it('maps German and French back to English and restores the old check', async () => {
    const { db, close } = await openDatabase({});
    try {
      await migrateToLatest(db);
      const person = await makePerson(db, { roles: ['finance'], locale: 'fr' });
      await savedLocales.down(db as never);
      const row = await db
        .selectFrom('users')
        .select('locale')
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow();
      expect(row.locale).toBe('en');
      await expect(
        sql`update users set locale = 'de' where id = ${person.id}`.execute(db),
      ).rejects.toThrow(/users_locale_check/);
      await savedLocales.up(db as never);
      await sql`update users set locale = 'de' where id = ${person.id}`.execute(db);
    } finally {
      await close();
    }
  });
});
