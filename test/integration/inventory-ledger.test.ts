// The inventory ledger: on hand in every bin is the sum of its movements, whatever sequence of
// adjustments, cycle counts, transfers (sent and received), shipments and restocks runs; refused
// changes leave neither stock nor movement behind; adjustments name what is wrong; the movement
// list pages by keyset; a lead adjusts only their own warehouse.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADJUSTMENT_REASONS } from '../../shared/inventory/movement-reasons';
import { ledgerDisagreements, moveStock, SYSTEM_ACTOR } from '../../src-server/inventory/movements';
import { takeFromBins } from '../../src-server/sync/shipped-stock';
import { ADMIN_TOKEN, BACKENDS, startTestServer } from '../support/server-harness';
import type { TestServer } from '../support/server-harness';
import {
  bearer,
  CHANNEL_KEYS,
  makeOrder,
  seedCatalog,
  seedChannels,
} from '../support/oms-fixtures';
import { makePerson, sessionFor } from '../support/people-fixtures';
import type { TestSession } from '../support/people-fixtures';

const SKUS = ['SKU-1', 'SKU-2'] as const;
const WAREHOUSES = ['NL-TIL', 'BE-GNT'] as const;
const BINS = ['A-01', 'A-02', 'A-03'] as const;

type Op =
  | { kind: 'adjust'; w: number; bin: number; sku: number; reason: number; quantity: number }
  | { kind: 'count'; w: number; bin: number; sku: number; counted: number }
  | { kind: 'transfer'; w: number; sku: number; quantity: number }
  | { kind: 'receive'; bin: number; quantity: number }
  | { kind: 'order'; sku: number; quantity: number }
  | { kind: 'ship'; w: number; sku: number; quantity: number }
  | { kind: 'restock'; w: number; bin: number; sku: number; quantity: number };

const index = (n: number) => fc.nat({ max: n - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('adjust' as const),
    w: index(2),
    bin: index(3),
    sku: index(2),
    reason: index(ADJUSTMENT_REASONS.length),
    quantity: fc.integer({ min: -30, max: 30 }).filter((n) => n !== 0),
  }),
  fc.record({
    kind: fc.constant('count' as const),
    w: index(2),
    bin: index(3),
    sku: index(2),
    counted: fc.nat({ max: 40 }),
  }),
  fc.record({
    kind: fc.constant('transfer' as const),
    w: index(2),
    sku: index(2),
    quantity: fc.integer({ min: 1, max: 25 }),
  }),
  fc.record({
    kind: fc.constant('receive' as const),
    bin: index(3),
    quantity: fc.integer({ min: 1, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('order' as const),
    sku: index(2),
    quantity: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    kind: fc.constant('ship' as const),
    w: index(2),
    sku: index(2),
    quantity: fc.integer({ min: 1, max: 10 }),
  }),
  fc.record({
    kind: fc.constant('restock' as const),
    w: index(2),
    bin: index(3),
    sku: index(2),
    quantity: fc.integer({ min: 1, max: 10 }),
  }),
);

describe.each(BACKENDS)('inventory ledger on %s', (backend) => {
  let server: TestServer;
  let purchasing: TestSession;
  let lead: TestSession;
  const openTransfers: string[] = [];

  beforeAll(async () => {
    server = await startTestServer(backend, 'inventory-ledger');
    await seedChannels(server.db);
    await seedCatalog(server.db, {
      'SKU-1': { 'NL-TIL': 60, 'BE-GNT': 20 },
      'SKU-2': { 'NL-TIL': 30 },
    });
    purchasing = await sessionFor(
      server.db,
      (await makePerson(server.db, { roles: ['purchasing'] })).id,
    );
    lead = await sessionFor(
      server.db,
      (await makePerson(server.db, { roles: ['warehouse_lead'], leadWarehouses: ['BE-GNT'] })).id,
    );
  }, 180_000);
  afterAll(() => server?.close());

  const call = (session: TestSession, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    server.app.inject({ method, url, headers: session.headers, ...(payload ? { payload } : {}) });

  const stockOf = async () =>
    server.db
      .selectFrom('stock')
      .select(['warehouse_code', 'bin_code', 'sku', 'on_hand'])
      .execute();
  const movementCount = async () =>
    Number(
      (
        await server.db
          .selectFrom('inventory_movements')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function run(step: Op): Promise<void> {
    switch (step.kind) {
      case 'adjust':
      case 'count': {
        const before = await movementCount();
        const res = await call(purchasing, 'POST', '/v1/inventory/adjustments', {
          warehouseCode: WAREHOUSES[step.w]!,
          binCode: BINS[step.bin]!,
          sku: SKUS[step.sku]!,
          ...(step.kind === 'adjust'
            ? { reason: ADJUSTMENT_REASONS[step.reason]!, quantity: step.quantity }
            : { reason: 'cycle_count', countedQuantity: step.counted }),
        });
        expect([201, 409, 422], res.body).toContain(res.statusCode);
        if (res.statusCode !== 201) expect(await movementCount()).toBe(before);
        else if (step.kind === 'count') {
          const bin = (await stockOf()).find(
            (s) =>
              s.warehouse_code === WAREHOUSES[step.w]! &&
              s.bin_code === BINS[step.bin]! &&
              s.sku === SKUS[step.sku]!,
          );
          expect(bin?.on_hand ?? 0).toBe(step.counted);
        }
        return;
      }
      case 'transfer': {
        const res = await call(purchasing, 'POST', '/v1/inventory/transfers', {
          warehouseCode: WAREHOUSES[step.w]!,
          toWarehouseCode: WAREHOUSES[1 - step.w]!,
          lines: [{ sku: SKUS[step.sku]!, quantity: step.quantity }],
        });
        expect([201, 409], res.body).toContain(res.statusCode);
        if (res.statusCode === 201) openTransfers.push(res.json<{ number: string }>().number);
        return;
      }
      case 'receive': {
        const number = openTransfers[0];
        if (!number) return;
        const transfer = (await call(purchasing, 'GET', `/v1/inventory/transfers/${number}`)).json<{
          lines: { sku: string; quantity: number; receivedQuantity: number }[];
        }>();
        const line = transfer.lines[0]!;
        const res = await call(purchasing, 'POST', `/v1/inventory/transfers/${number}/receipts`, {
          scanId: randomUUID(),
          code: line.sku,
          quantity: step.quantity,
          binCode: BINS[step.bin]!,
        });
        const open = line.quantity - line.receivedQuantity;
        expect(res.statusCode, res.body).toBe(step.quantity <= open ? 200 : 422);
        if (step.quantity === open) openTransfers.shift();
        return;
      }
      case 'order': {
        const res = await server.app.inject({
          method: 'POST',
          url: '/v1/orders',
          headers: { ...bearer(CHANNEL_KEYS.web), 'idempotency-key': randomUUID() },
          payload: makeOrder({ skus: { [SKUS[step.sku]!]: step.quantity } }),
        });
        expect(res.statusCode, res.body).toBeLessThan(500);
        return;
      }
      case 'ship': {
        // What a confirmed shipment does to stock (sync/shipment-confirmation.ts), when there is enough.
        const warehouseCode = WAREHOUSES[step.w]!;
        const sku = SKUS[step.sku]!;
        await server.db
          .transaction()
          .execute((trx) =>
            takeFromBins(trx, warehouseCode, { sku, bin_code: 'A-02' }, step.quantity, {
              reason: 'shipment',
              referenceKind: 'order',
              referenceId: randomUUID(),
              actor: SYSTEM_ACTOR,
            }),
          )
          .catch((err: unknown) => expect(String(err)).toMatch(/below the/));
        return;
      }
      case 'restock':
        await server.db.transaction().execute((trx) =>
          moveStock(
            trx,
            [
              {
                warehouseCode: WAREHOUSES[step.w]!,
                binCode: BINS[step.bin]!,
                sku: SKUS[step.sku]!,
                quantity: step.quantity,
              },
            ],
            {
              reason: 'return_restock',
              referenceKind: 'return_receipt',
              referenceId: randomUUID(),
              actor: SYSTEM_ACTOR,
            },
          ),
        );
        return;
    }
  }

  it('keeps on hand equal to the sum of movements through any sequence of changes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const step of steps) {
          await run(step);
          expect(await ledgerDisagreements(server.db)).toEqual([]);
        }
        for (const row of await stockOf()) expect(row.on_hand).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 12 },
    );
    const check = await server.app.inject({
      method: 'GET',
      url: '/v1/inventory/ledger-check',
      headers: bearer(ADMIN_TOKEN),
    });
    expect(check.json()).toEqual({ agrees: true, disagreements: [] });
  }, 240_000);

  it('the ledger check names a bin whose stock was written around the ledger', async () => {
    await server.db
      .insertInto('stock')
      .values({ warehouse_code: 'NL-TIL', bin_code: 'A-03', sku: 'SKU-2', on_hand: 0 })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await server.db
      .updateTable('stock')
      .set((eb) => ({ on_hand: eb('on_hand', '+', 1) }))
      .where('warehouse_code', '=', 'NL-TIL')
      .where('bin_code', '=', 'A-03')
      .where('sku', '=', 'SKU-2')
      .execute();
    const check = await server.app.inject({
      method: 'GET',
      url: '/v1/inventory/ledger-check',
      headers: bearer(ADMIN_TOKEN),
    });
    expect(
      check.json<{ agrees: boolean; disagreements: { sku: string; binCode: string }[] }>(),
    ).toMatchObject({
      agrees: false,
      disagreements: [{ sku: 'SKU-2', binCode: 'A-03' }],
    });
    // Undone the same way: the ledger agrees again.
    await server.db
      .updateTable('stock')
      .set((eb) => ({ on_hand: eb('on_hand', '-', 1) }))
      .where('warehouse_code', '=', 'NL-TIL')
      .where('bin_code', '=', 'A-03')
      .where('sku', '=', 'SKU-2')
      .execute();
    expect(await ledgerDisagreements(server.db)).toEqual([]);
  });

  it('adjusts a bin with a reason, shows the movement with its actor, and refuses what is wrong by name', async () => {
    const res = await call(purchasing, 'POST', '/v1/inventory/adjustments', {
      warehouseCode: 'NL-TIL',
      binCode: 'A-01',
      sku: 'SKU-1',
      reason: 'found',
      quantity: 4,
      note: 'behind the rack',
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = await call(
      purchasing,
      'GET',
      '/v1/warehouses/NL-TIL/movements?sku=SKU-1&reason=found&limit=1',
    );
    const [latest] = list.json<{
      movements: { quantity: number; note: string; referenceId: string; actor: { type: string } }[];
    }>().movements;
    expect(latest).toMatchObject({
      quantity: 4,
      note: 'behind the rack',
      referenceId: res.json().adjustmentId,
      actor: { type: 'user' },
    });

    const wrong = async (body: Record<string, unknown>) =>
      (
        await call(purchasing, 'POST', '/v1/inventory/adjustments', {
          warehouseCode: 'NL-TIL',
          binCode: 'A-01',
          sku: 'SKU-1',
          reason: 'found',
          ...body,
        })
      ).json<{ code: string; field?: string }>();
    expect(await wrong({ quantity: -1 })).toMatchObject({
      code: 'wrong_direction',
      field: 'quantity',
    });
    expect(await wrong({ binCode: 'Z-99', quantity: 1 })).toMatchObject({
      code: 'unknown_bin',
      field: 'binCode',
    });
    expect(await wrong({ sku: 'NOPE', quantity: 1 })).toMatchObject({
      code: 'unknown_sku',
      field: 'sku',
    });
    expect(await wrong({ quantity: 1, countedQuantity: 3 })).toMatchObject({ field: 'quantity' });
    expect(await wrong({ reason: 'correction', quantity: -100_000 })).toMatchObject({
      code: 'below_zero',
      field: 'quantity',
    });
    expect(await wrong({ reason: 'theft', quantity: 1 })).toMatchObject({ field: 'reason' });
  });

  it('pages movements by keyset without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { movements: { id: string }[]; nextCursor: string | null } = (
        await call(
          purchasing,
          'GET',
          `/v1/warehouses/NL-TIL/movements?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      seen.push(...page.movements.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = await server.db
      .selectFrom('inventory_movements')
      .select('id')
      .where('warehouse_code', '=', 'NL-TIL')
      .orderBy('id', 'desc')
      .execute();
    expect(seen).toEqual(all.map((r) => String(r.id)));
  });

  it('lets a lead adjust their own warehouse only, and receive only transfers arriving there', async () => {
    const own = await call(lead, 'POST', '/v1/inventory/adjustments', {
      warehouseCode: 'BE-GNT',
      binCode: 'A-02',
      sku: 'SKU-1',
      reason: 'found',
      quantity: 1,
    });
    expect(own.statusCode, own.body).toBe(201);
    const other = await call(lead, 'POST', '/v1/inventory/adjustments', {
      warehouseCode: 'NL-TIL',
      binCode: 'A-02',
      sku: 'SKU-1',
      reason: 'found',
      quantity: 1,
    });
    expect(other.statusCode).toBe(403);
    const toTil = await call(purchasing, 'POST', '/v1/inventory/transfers', {
      warehouseCode: 'BE-GNT',
      toWarehouseCode: 'NL-TIL',
      lines: [{ sku: 'SKU-1', quantity: 1 }],
    });
    expect(toTil.statusCode, toTil.body).toBe(201);
    const scan = await call(
      lead,
      'POST',
      `/v1/inventory/transfers/${toTil.json().number}/receipts`,
      { scanId: randomUUID(), code: 'SKU-1', quantity: 1, binCode: 'A-01' },
    );
    expect(scan.json()).toMatchObject({ code: 'other_warehouse' });
    const levels = await call(purchasing, 'GET', '/v1/warehouses/NL-TIL/stock?sku=SKU-1');
    expect(
      levels.json<{ levels: { inbound: number }[] }>().levels[0]!.inbound,
    ).toBeGreaterThanOrEqual(1);
  });
});
