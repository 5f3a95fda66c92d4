// The RMA API under 1,000 hostile RMA bodies, hostile status changes and hostile reads, on one
// PGlite database with one large shipped order: never a 5xx, every refusal names what is wrong,
// and the stored RMAs, lines and event trail are exactly what the 2xx answers say.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETURN_REASONS } from '../../shared/returns/rma-state';
import { isBlank } from '../../shared/validation/text';
import {
  brokenJson,
  expectNamedAnswer,
  hostileBody,
  pathSegment,
  type Path,
} from '../support/fuzz-bodies';
import { hostileString } from '../support/hostile-values';
import { bearer, seedCatalog, seedChannels } from '../support/oms-fixtures';
import { ADMIN_TOKEN, startTestServer, type TestServer } from '../support/server-harness';
import { enrolTestStation } from '../support/sync-fixtures';
import { shipOrder, type ShippedOrder } from './returns-helpers';

type Counted = 'rmas' | 'rma_lines' | 'rma_events';
interface RmaAnswer {
  id: string;
  status: string;
  reasonText: string | null;
  lines: { orderLineId: string; quantity: number }[];
}

describe('RMA API fuzz on PGlite', () => {
  let server: TestServer;
  let order: ShippedOrder;
  const created: RmaAnswer[] = [];
  const admin = bearer(ADMIN_TOKEN);
  const count = async (table: Counted) =>
    Number(
      (
        await server.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = () => Promise.all((['rmas', 'rma_lines', 'rma_events'] as const).map(count));
  const post = (url: string, text: string) =>
    server.app.inject({
      method: 'POST',
      url,
      headers: { ...admin, 'content-type': 'application/json' },
      payload: text,
    });

  beforeAll(async () => {
    server = await startTestServer('pglite', 'rmasfuzz');
    await seedChannels(server.db);
    await seedCatalog(server.db, { 'SKU-1': { 'NL-TIL': 5000 }, 'SKU-2': { 'NL-TIL': 5000 } });
    const station = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg returns');
    order = await shipOrder(server.app, station, { 'SKU-1': 4000, 'SKU-2': 4000 });
  }, 60_000);
  afterAll(() => server.close());

  let serial = 0;
  /** A valid RMA of one or both lines, with each reason in turn (text where `other` needs it). */
  function validRma() {
    serial += 1;
    const reason = RETURN_REASONS[serial % RETURN_REASONS.length]!;
    return {
      orderId: order.orderId,
      lines: [
        { orderLineId: order.lineOf['SKU-1']!, quantity: 1 + (serial % 2) },
        ...(serial % 3 === 0 ? [{ orderLineId: order.lineOf['SKU-2']!, quantity: 1 }] : []),
      ],
      reason,
      ...(reason === 'other' || serial % 4 === 0 ? { reasonText: 'The box was crushed' } : {}),
      refundMethod: serial % 5 === 0 ? 'store_credit' : 'original_payment',
    };
  }

  it('answers 1,000 hostile RMA bodies with 201 or a named 4xx, storing exactly the 201s', async () => {
    const [rmas, lines] = await counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 12, arbitrary: hostileBody(validRma) },
          { weight: 1, arbitrary: brokenJson.map((text) => ({ text, mutations: [] })) },
          // Plain valid ones too: the mutations of a body this small rarely leave it valid.
          {
            weight: 1,
            arbitrary: fc
              .constant(null)
              .map(() => ({ text: JSON.stringify(validRma()), mutations: [] })),
          },
        ),
        async ({ text, mutations }) => {
          const res = await post('/v1/rmas', text);
          expectNamedAnswer(
            res,
            mutations.map((m) => m.path),
            { dependsOn: [[['reasonText'], ['reason']]] },
          );
          if (res.statusCode === 201) created.push(res.json());
        },
      ),
      { numRuns: 1000 },
    );
    const [rmasAfter, linesAfter] = await counts();
    expect([rmasAfter, linesAfter]).toEqual([
      rmas! + created.length,
      lines! + created.reduce((n, r) => n + r.lines.length, 0),
    ]);
    expect(created.length).toBeGreaterThan(100);
    for (const rma of created) {
      const stored = (
        await server.app.inject({ method: 'GET', url: `/v1/rmas/${rma.id}`, headers: admin })
      ).json();
      expect(stored.lines).toEqual(rma.lines);
      // Independent of the schema under test: stored text is trimmed and never blank.
      if (stored.reasonText !== null)
        expect(isBlank(stored.reasonText) || stored.reasonText.trim() !== stored.reasonText).toBe(
          false,
        );
    }
    // Never more returned than shipped.
    const claimed = await server.db
      .selectFrom('rma_lines')
      .select((eb) => eb.fn.sum<string>('quantity').as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(claimed.n)).toBeLessThanOrEqual(8000);
  }, 120_000);

  it('answers hostile status changes with 200 or a named 4xx, one event per 200', async () => {
    const [, , events] = await counts();
    let moved = 0;
    const target = fc.constantFrom(...created.slice(0, 150).map((r) => r.id));
    const body = hostileBody(() => ({ status: 'in_transit', note: 'Carrier scan at the depot' }));
    await fc.assert(
      fc.asyncProperty(target, body, async (id, { text, mutations }) => {
        const res = await post(`/v1/rmas/${id}/status`, text);
        expectNamedAnswer(
          res,
          mutations.map((m) => m.path),
          { dependsOn: [[['status'], []]] },
        );
        if (res.statusCode === 200) moved += 1;
      }),
      { numRuns: 300 },
    );
    const [, , eventsAfter] = await counts();
    expect(eventsAfter).toBe(events! + moved);
  }, 60_000);

  it('answers hostile reads (ids, order filters, label dpi) with 200, 404 or a named 400', async () => {
    const someRma = created[0]!.id;
    const read = fc.oneof(
      hostileString.map((s) => ({ url: `/v1/rmas/${pathSegment(s.slice(0, 500))}`, field: 'id' })),
      hostileString.map((s) => ({
        url: `/v1/rmas?orderId=${pathSegment(s.slice(0, 500))}`,
        field: 'orderId',
      })),
      hostileString.map((s) => ({
        url: `/v1/rmas/${someRma}/label.zpl?dpi=${pathSegment(s.slice(0, 500))}`,
        field: 'dpi',
      })),
      fc.uuid().map((id) => ({ url: `/v1/rmas/${id}/label.pdf`, field: 'id' })),
    );
    await fc.assert(
      fc.asyncProperty(read, async ({ url, field }) => {
        const res = await server.app.inject({ method: 'GET', url, headers: admin });
        const named: Path[] = [[field]];
        expectNamedAnswer(res, named, { fieldless: ['not_found'] });
        expect([200, 400, 404, 414]).toContain(res.statusCode);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
