// Any sequence of parcels for one RMA (random splits of the authorised units, over-deliveries,
// extras, replays of earlier pushes), on PGlite and PostgreSQL: a parcel is accepted exactly when
// every unit it holds as expected is still awaited, it is refunded for what it held (shipping at
// most once), each accepted parcel has at most one refund, and the totals never exceed what was
// authorised. The station's RMA document counts what the central OMS counts after every step.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnGrade, ReturnReceiptDoc, RmaDoc } from '../../shared/sync/documents';
import { awaitsGoods, type RmaStatus } from '../../shared/returns/rma-state';
import { seedCatalog, seedChannels } from '../support/oms-fixtures';
import { BACKENDS, startTestServer, type TestServer } from '../support/server-harness';
import { enrolTestStation, syncClient, type EnrolledTestStation } from '../support/sync-fixtures';
import { createRma, makeItem, makeReceipt, pushReceipt, shipOrder } from './returns-helpers';

const LIGHT = 'P-LIGHT';
const SCARF = 'P-SCARF';
const PRICE = 1000;
const SHIPPING = 495;
const FEE: Record<ReturnGrade, number> = { A: 0, B: 10, C: 50, D: 100 };

const grade = fc.constantFrom<ReturnGrade>('A', 'B', 'C', 'D');
const parcelAction = fc
  .record({
    kind: fc.constant('parcel' as const),
    lights: fc.array(grade, { maxLength: 3 }),
    scarves: fc.array(grade, { maxLength: 2 }),
    extras: fc.nat(1),
  })
  .filter((p) => p.lights.length + p.scarves.length + p.extras > 0);
const replayAction = fc.record({ kind: fc.constant('replay' as const), of: fc.nat(10) });
const scenario = fc.record({
  lights: fc.integer({ min: 1, max: 3 }),
  scarves: fc.nat(2),
  damaged: fc.boolean(),
  actions: fc.array(fc.oneof({ weight: 3, arbitrary: parcelAction }, replayAction), {
    minLength: 1,
    maxLength: 6,
  }),
});

describe.each(BACKENDS)('any sequence of parcels on %s', (backend) => {
  let server: TestServer;
  let station: EnrolledTestStation;

  beforeAll(async () => {
    server = await startTestServer(backend, 'parcels_property');
    await seedChannels(server.db);
    await seedCatalog(server.db, { [LIGHT]: { 'NL-TIL': 10_000 }, [SCARF]: { 'NL-TIL': 10_000 } });
    station = await enrolTestStation(server.app, 'NL-TIL', 'Tilburg property');
  });
  afterAll(() => server.close());

  it('refunds each parcel once, for what it held, never above what was authorised', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const authorised: Record<string, number> = { [LIGHT]: s.lights };
        if (s.scarves > 0) authorised[SCARF] = s.scarves;
        const order = await shipOrder(server.app, station, authorised);
        const rma = (
          await createRma(server.app, order, authorised, {
            reason: s.damaged ? 'damaged' : 'changed_mind',
          })
        ).json() as { id: string };
        const open: Record<string, number> = { [LIGHT]: s.lights, [SCARF]: s.scarves };
        let shippingGiven = false;
        const pushed: ReturnReceiptDoc[] = [];
        const accepted: { id: string; refundMinor: number }[] = [];

        for (const action of s.actions) {
          if (action.kind === 'replay') {
            const earlier = pushed[action.of % Math.max(1, pushed.length)];
            if (earlier)
              expect((await pushReceipt(server.app, station, earlier)).statusCode).toBe(200);
          } else {
            const receipt = makeReceipt(station, rma.id, [
              ...action.lights.map((g) => makeItem(LIGHT, { grade: g })),
              ...action.scarves.map((g) => makeItem(SCARF, { grade: g })),
              ...Array.from({ length: action.extras }, () =>
                makeItem(LIGHT, { match: 'extra', disposition: 'quarantine', binCode: null }),
              ),
            ]);
            pushed.push(receipt);
            const stillAwaited = open[LIGHT]! + open[SCARF]! > 0;
            const fits =
              action.lights.length <= open[LIGHT]! && action.scarves.length <= open[SCARF]!;
            const verdict = (await pushReceipt(server.app, station, receipt)).json()[0];
            if (!stillAwaited || !fits) {
              expect(verdict.status).toBe('refused');
            } else {
              const units = [...action.lights, ...action.scarves];
              const shipping: number =
                s.damaged && !shippingGiven && units.length > 0 ? SHIPPING : 0;
              const refund =
                units.reduce((n, g) => n + PRICE - Math.round((PRICE * FEE[g]) / 100), 0) +
                shipping;
              expect(verdict).toMatchObject({ status: 'accepted', refundMinor: refund });
              open[LIGHT]! -= action.lights.length;
              open[SCARF]! -= action.scarves.length;
              shippingGiven ||= shipping > 0;
              accepted.push({ id: receipt.id, refundMinor: refund });
            }
          }
          await holdsTheLedger(rma.id, authorised, open, accepted);
        }
      }),
      { numRuns: 25 },
    );
    // 25 sequences of up to a handful of pushes each against a real database.
  }, 120_000);

  async function holdsTheLedger(
    rmaId: string,
    authorised: Record<string, number>,
    open: Record<string, number>,
    accepted: { id: string; refundMinor: number }[],
  ) {
    const lines = await server.db
      .selectFrom('rma_lines')
      .select(['sku', 'quantity', 'received_quantity'])
      .where('rma_id', '=', rmaId)
      .execute();
    for (const line of lines) {
      expect(line.received_quantity).toBeLessThanOrEqual(line.quantity);
      expect(line.received_quantity).toBe(authorised[line.sku]! - open[line.sku]!);
    }
    const refunds = await server.db
      .selectFrom('refunds')
      .select(['receipt_id', 'amount_minor', 'shipping_minor'])
      .where('rma_id', '=', rmaId)
      .execute();
    const owed = accepted.filter((a) => a.refundMinor > 0);
    expect(refunds.map((r) => [r.receipt_id, r.amount_minor]).sort()).toEqual(
      owed.map((a) => [a.id, a.refundMinor]).sort(),
    );
    const units = Object.values(authorised).reduce((n, q) => n + q, 0);
    expect(refunds.reduce((n, r) => n + r.amount_minor, 0)).toBeLessThanOrEqual(
      units * PRICE + SHIPPING,
    );
    expect(refunds.filter((r) => r.shipping_minor > 0).length).toBeLessThanOrEqual(1);

    const { status } = await server.db
      .selectFrom('rmas')
      .select('status')
      .where('id', '=', rmaId)
      .executeTakeFirstOrThrow();
    expect(awaitsGoods(status as RmaStatus)).toBe(open[LIGHT]! + open[SCARF]! > 0);
    const doc = (
      (await syncClient(server.app, station).pullAll('rmas')) as unknown as RmaDoc[]
    ).find((d) => d.id === rmaId)!;
    expect(doc.status).toBe(status);
    expect(doc.receiptIds).toEqual(accepted.map((a) => a.id));
    expect(Object.fromEntries(doc.lines.map((l) => [l.sku, l.receivedQuantity]))).toEqual(
      Object.fromEntries(lines.map((l) => [l.sku, l.received_quantity])),
    );
  }
});
