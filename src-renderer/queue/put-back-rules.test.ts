import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reason } from '../../shared/reasons/reason';
import type { FulfillmentDoc, ShipmentDoc, WorkDoc } from '../../shared/sync/documents';
import { newShipment } from '../packing/carton-rules';
import { newWork } from '../picking/pick-rules';
import { makeFulfillment } from '../printing/print-fixtures';
import {
  isHeldWork,
  putBack,
  putBackTask,
  releaseWork,
  startedHere,
  takeBack,
} from './put-back-rules';

const line = (lineId: string, sku: string, bin: string | null, quantity = 2) => ({
  lineId,
  sku,
  name: `${sku} name`,
  quantity,
  bin,
  walkSequence: 1,
  unitWeightGrams: 100,
  unitPriceCents: 500,
});

function makeOrder(overrides: Partial<FulfillmentDoc> = {}): FulfillmentDoc {
  return makeFulfillment({
    id: 'FO-1',
    orderNumber: 'WEB-1001',
    lines: [line('L1', 'TEA', 'A-01'), line('L2', 'MUG', 'B-07', 1), line('L3', 'SPOON', null)],
    ...overrides,
  });
}

function makeWork(overrides: Partial<WorkDoc> = {}): WorkDoc {
  return { ...newWork('FO-1', 'ST-1', 'op-7'), ...overrides };
}

function makeShipment(
  overrides: Partial<ShipmentDoc> = {},
  cartons: { sscc: string; lines: string[] }[] = [],
): ShipmentDoc {
  return {
    ...newShipment({
      id: 'SH-1',
      fulfillmentId: 'FO-1',
      stationId: 'ST-1',
      operatorId: 'op-7',
      carrier: 'own',
      service: 'standard',
    }),
    cartons: cartons.map((c, i) => ({
      id: `C${i + 1}`,
      sscc: c.sscc,
      boxType: 'M',
      weightGrams: null,
      items: c.lines.map((lineId) => ({
        lineId,
        sku: lineId,
        quantity: 1,
        lot: null,
        serial: null,
        expiry: null,
      })),
      trackingNumber: null,
      labelState: 'pending' as const,
    })),
    ...overrides,
  };
}

const cancelled = makeOrder({ cancelRequested: true });
const SSCC_1 = '087123450000000017';
const SSCC_2 = '087123450000000024';

describe('put-back tasks', () => {
  it('lists what was picked of a cancelled order, with its tote and the bin it goes back to, and nothing unpicked', () => {
    const work = makeWork({
      picked: { L1: 2, L2: 0, L3: 1 },
      batch: { id: 'B-1', tote: 'T-04', position: 1 },
    });
    const task = putBackTask(work, cancelled, []);
    expect(task).toMatchObject({ cause: 'cancelled', orderNumber: 'WEB-1001', cartons: [] });
    expect(task?.items).toEqual([
      {
        lineId: 'L1',
        sku: 'TEA',
        name: 'TEA name',
        quantity: 2,
        tote: 'T-04',
        cartons: [],
        bin: 'A-01',
      },
      {
        lineId: 'L3',
        sku: 'SPOON',
        name: 'SPOON name',
        quantity: 1,
        tote: 'T-04',
        cartons: [],
        bin: null,
      },
    ]);
  });

  it('says which cartons hold the units of an order cancelled while packed, and which labels to destroy', () => {
    const work = makeWork({ stage: 'packing', picked: { L1: 2, L2: 1 } });
    const open = makeShipment({}, [
      { sscc: SSCC_1, lines: ['L1'] },
      { sscc: SSCC_2, lines: ['L1', 'L2'] },
    ]);
    const task = putBackTask(work, cancelled, [open])!;
    expect(task.items.map((i) => [i.sku, i.quantity, i.cartons])).toEqual([
      ['TEA', 2, [1, 2]],
      ['MUG', 1, [2]],
    ]);
    expect(task.cartons).toEqual([
      { sscc: SSCC_1, labelPrinted: false },
      { sscc: SSCC_2, labelPrinted: false },
    ]);
    // Confirmed offline before the cancel arrived: the labels printed at confirmation.
    const confirmed = {
      ...open,
      status: 'confirmed' as const,
      confirmedAt: '2026-12-03T10:00:00Z',
    };
    expect(putBackTask(work, cancelled, [confirmed])!.cartons.every((c) => c.labelPrinted)).toBe(
      true,
    );
  });

  it('leaves out another station’s shipment and a shipment the central OMS accepted', () => {
    const work = makeWork({ stage: 'packing', picked: { L1: 1 } });
    const other = makeShipment({ id: 'SH-2', stationId: 'ST-2' }, [
      { sscc: SSCC_1, lines: ['L1'] },
    ]);
    const accepted = makeShipment({ id: 'SH-3', status: 'accepted' }, [
      { sscc: SSCC_2, lines: ['L1'] },
    ]);
    const task = putBackTask(work, cancelled, [other, accepted])!;
    expect(task.cartons).toEqual([]);
    expect(task.items[0]!.cartons).toEqual([]);
  });

  it('carries the central OMS’s refusal of a shipment confirmed before the cancel, as its code', () => {
    const refusal = reason('fulfillment_cancelled', {});
    const refused = makeShipment(
      {
        status: 'refused',
        refusal,
        refusalReason: 'The order was cancelled centrally.',
        confirmedAt: '2026-12-03T10:00:00Z',
      },
      [{ sscc: SSCC_1, lines: ['L1'] }],
    );
    const task = putBackTask(makeWork({ stage: 'done', picked: { L1: 1 } }), cancelled, [refused]);
    expect(task?.refusals).toEqual([
      { reason: refusal, sentence: 'The order was cancelled centrally.' },
    ]);
  });

  it('makes work given back with goods picked a put-back task that says who gave it back', () => {
    const release = { by: 'lead' as const, at: '2026-12-03T10:00:00Z', note: 'Noor is ill' };
    const task = putBackTask(
      releaseWork(makeWork({ picked: { L2: 1 } }), release),
      makeOrder(),
      [],
    );
    expect(task).toMatchObject({
      cause: 'released',
      release,
      items: [{ sku: 'MUG', quantity: 1 }],
    });
  });

  it('has nothing to put back for work given back before anything was picked, nor for work that goes on', () => {
    const release = { by: 'timeout' as const, at: '2026-12-03T10:00:00Z', note: null };
    expect(putBackTask(releaseWork(makeWork(), release), makeOrder(), [])).toBeNull();
    expect(putBackTask(makeWork({ picked: { L1: 2 } }), makeOrder(), [])).toBeNull();
  });

  it('still shows an order cancelled before anything was picked, so the packer sees STOP', () => {
    expect(putBackTask(makeWork(), cancelled, [])).toMatchObject({ cause: 'cancelled', items: [] });
  });

  it('is done once the packer confirms everything is back, whatever the cause', () => {
    const work = makeWork({ picked: { L1: 1 } });
    const release = { by: 'station' as const, at: '2026-12-03T10:00:00Z', note: null };
    expect(putBackTask(putBack(work, '2026-12-03T11:00:00Z'), cancelled, [])).toBeNull();
    expect(
      putBackTask(putBack(releaseWork(work, release), '2026-12-03T11:00:00Z'), makeOrder(), []),
    ).toBeNull();
  });

  it('lists exactly the picked quantities of any work, each line once', () => {
    fc.assert(
      fc.property(
        fc.record({ L1: fc.nat(5), L2: fc.nat(5), L3: fc.nat(5) }),
        fc.boolean(),
        (picked, isCancelled) => {
          const work = makeWork({ picked });
          const order = isCancelled ? cancelled : makeOrder();
          const given = isCancelled
            ? work
            : releaseWork(work, { by: 'timeout', at: '2026-12-03T10:00:00Z', note: null });
          const task = putBackTask(given, order, []);
          const expected = Object.entries(picked).filter(([, quantity]) => quantity > 0);
          // No return value: fast-check reads a returned false as a failed property.
          if (!isCancelled && expected.length === 0) expect(task).toBeNull();
          else expect(task!.items.map((i) => [i.lineId, i.quantity])).toEqual(expected);
        },
      ),
    );
  });
});

describe('holding work', () => {
  const release = { by: 'lead' as const, at: '2026-12-03T10:00:00Z', note: null };

  it('holds work that is neither done, given back nor put back', () => {
    expect(isHeldWork(makeWork())).toBe(true);
    expect(isHeldWork(makeWork({ stage: 'done' }))).toBe(false);
    expect(isHeldWork(releaseWork(makeWork(), release))).toBe(false);
    expect(isHeldWork(takeBack(releaseWork(makeWork({ picked: { L1: 1 } }), release)))).toBe(true);
  });

  it('lets a new batch take an order given back here once its goods are back or none were picked', () => {
    expect(startedHere(makeWork())).toBe(true);
    expect(startedHere(releaseWork(makeWork(), release))).toBe(false);
    const picked = releaseWork(makeWork({ picked: { L1: 1 } }), release);
    expect(startedHere(picked)).toBe(true);
    expect(startedHere(putBack(picked, '2026-12-03T11:00:00Z'))).toBe(false);
  });
});
