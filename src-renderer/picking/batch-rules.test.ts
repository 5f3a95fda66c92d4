import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../shared/barcodes';
import type { WorkDoc } from '../../shared/sync/documents';
import {
  addBatchPicked,
  applyBatchScan,
  batchLines,
  batchRemaining,
  currentBatchLine,
  isOrderPicked,
  newBatchWork,
  nextToteOrder,
  selectBatch,
  shortBatchLine,
  type BatchContext,
  type BatchFulfillment,
  type BatchOrder,
  type BatchProgress,
} from './batch-rules';
import { shortPick, type PickLine } from './pick-rules';
import {
  assignTote,
  busyTotes,
  cancelledTotes,
  orderInTote,
  toteHolders,
  undoLastTote,
} from './tote-rules';

const gtins = { mug: '08712345678906', tea: '08712345678913', spoon: '08712345678920' };
const skuByGtin = new Map([
  [gtins.mug, 'MUG-RED'],
  [gtins.tea, 'TEA-GREEN'],
  [gtins.spoon, 'SPOON-STEEL'],
]);

function makeLine(overrides: Partial<PickLine> = {}): PickLine {
  return {
    lineId: 'L1',
    sku: 'MUG-RED',
    name: 'Red mug',
    quantity: 1,
    bin: 'B-02',
    walkSequence: 20,
    unitWeightGrams: 350,
    unitPriceCents: 995,
    ...overrides,
  };
}
const mugs = (quantity: number, lineId: string) => makeLine({ lineId, quantity });
const tea = (quantity: number, lineId: string) =>
  makeLine({
    lineId,
    sku: 'TEA-GREEN',
    name: 'Green tea',
    quantity,
    bin: 'A-01',
    walkSequence: 10,
  });

function makeFulfillment(
  id: string,
  lines: PickLine[],
  overrides: Partial<BatchFulfillment> = {},
): BatchFulfillment {
  return { id, orderNumber: `WEB-${id}`, lines, cancelRequested: false, ...overrides };
}

/** A batch of the given fulfillments at station ST-1, totes handed out in the order given. */
function makeBatch(fulfillments: BatchFulfillment[], totes: (string | null)[] = []): BatchOrder[] {
  const works = newBatchWork(
    fulfillments.map((f) => f.id),
    'batch-1',
    'ST-1',
    'op-7',
  );
  return fulfillments.map((fulfillment, index) => {
    const work = works[index]!;
    return { fulfillment, work: { ...work, batch: { ...work.batch, tote: totes[index] ?? null } } };
  });
}

const first = makeFulfillment('1', [mugs(2, 'L1'), tea(1, 'L2')]);
const second = makeFulfillment('2', [mugs(1, 'L3')]);
const third = makeFulfillment('3', [tea(2, 'L4')]);

function walk(orders: BatchOrder[]) {
  const ctx: BatchContext = {
    lines: batchLines(orders),
    skuByGtin,
    operatorId: 'op-7',
    now: () => '2026-11-27T10:00:00Z',
  };
  const start: BatchProgress = {
    works: Object.fromEntries(orders.map((o) => [o.fulfillment.id, o.work])),
    bin: null,
  };
  return { ctx, start };
}

const gtin = (gtin14: string): ScanResult => ({ kind: 'gtin', gtin14, symbology: 'ean-13' });
const bin = (code: string): ScanResult => ({ kind: 'bin', code });

function run(ctx: BatchContext, from: BatchProgress, scans: ScanResult[]) {
  let progress = from;
  const outcomes: string[] = [];
  const totes: string[] = [];
  for (const scan of scans) {
    const step = applyBatchScan(ctx, progress, scan);
    progress = step.progress;
    outcomes.push(step.outcome.kind);
    if (step.outcome.kind === 'into-tote') totes.push(step.outcome.tote);
  }
  return { progress, outcomes, totes };
}

describe('starting a batch', () => {
  it('takes the next released orders from the top of the queue that nobody has started', () => {
    const queue = [
      { id: 'A', status: 'released' as const },
      { id: 'B', status: 'picking' as const },
      { id: 'C', status: 'released' as const },
      { id: 'D', status: 'released' as const },
      { id: 'E', status: 'released' as const },
    ];
    expect(selectBatch(queue, new Set(['C']), 2).map((f) => f.id)).toEqual(['A', 'D']);
    expect(selectBatch(queue, new Set(['A', 'C', 'D', 'E']), 3)).toEqual([]);
  });

  it('gives every order a WorkDoc in the batch, numbered in queue order and without a tote', () => {
    const works = newBatchWork(['FO-9', 'FO-4'], 'batch-1', 'ST-1', 'op-7');
    expect(works.map((w) => [w.id, w.stage, w.batch])).toEqual([
      ['FO-9:ST-1', 'picking', { id: 'batch-1', position: 0, tote: null }],
      ['FO-4:ST-1', 'picking', { id: 'batch-1', position: 1, tote: null }],
    ]);
  });
});

describe('handing out totes', () => {
  it('gives each scanned tote to the next order without one, in batch order', () => {
    let orders = makeBatch([first, second]);
    const one = assignTote(orders, 'TOTE-1', new Map());
    expect(one.outcome).toEqual({ kind: 'tote-assigned', tote: 'TOTE-1', orderNumber: 'WEB-1' });
    orders = orders.map((o) => (o.work.id === one.work?.id ? { ...o, work: one.work } : o));
    expect(nextToteOrder(orders)?.fulfillment.id).toBe('2');
    const two = assignTote(orders, 'TOTE-2', new Map());
    expect(two.work?.batch).toEqual({ id: 'batch-1', position: 1, tote: 'TOTE-2' });
  });

  it('refuses a tote already in this batch and one still holding an unpacked order elsewhere', () => {
    const orders = makeBatch([first, second], ['TOTE-1']);
    expect(assignTote(orders, 'TOTE-1', new Map())).toEqual({
      work: null,
      outcome: { kind: 'tote-in-batch', tote: 'TOTE-1', orderNumber: 'WEB-1' },
    });
    expect(assignTote(orders, 'TOTE-7', new Map([['TOTE-7', 'WEB-77']]))).toEqual({
      work: null,
      outcome: { kind: 'tote-busy', tote: 'TOTE-7', orderNumber: 'WEB-77' },
    });
  });

  it('skips an order cancelled before it got a tote, and takes back the last tote on undo', () => {
    const cancelled = makeFulfillment('2', second.lines, { cancelRequested: true });
    const orders = makeBatch([first, cancelled, third], ['TOTE-1']);
    expect(nextToteOrder(orders)?.fulfillment.id).toBe('3');
    expect(undoLastTote(orders)?.batch).toEqual({ id: 'batch-1', position: 0, tote: null });
    expect(undoLastTote(makeBatch([first]))).toBeNull();
  });
});

describe('the batch walk', () => {
  const orders = makeBatch([first, second, third], ['TOTE-1', 'TOTE-2', 'TOTE-3']);
  const { ctx, start } = walk(orders);

  it('walks every order’s lines in bin walk order, the earlier tote first within a bin', () => {
    expect(ctx.lines.map((l) => `${l.bin} ${l.fulfillmentId}/${l.lineId}`)).toEqual([
      'A-01 1/L2',
      'A-01 3/L4',
      'B-02 1/L1',
      'B-02 2/L3',
    ]);
    expect(currentBatchLine(ctx.lines, start)?.lineId).toBe('L2');
  });

  it('asks for the bin first and says which tote each item goes into', () => {
    const { progress, outcomes, totes } = run(ctx, start, [
      gtin(gtins.tea),
      bin('C-09'),
      bin('a-01'),
      gtin(gtins.tea),
      gtin(gtins.tea),
      gtin(gtins.tea),
      gtin(gtins.tea),
    ]);
    expect(outcomes).toEqual([
      'scan-bin-first',
      'wrong-bin',
      'bin-confirmed',
      'into-tote',
      'into-tote',
      'into-tote',
      'over-pick',
    ]);
    expect(totes).toEqual(['TOTE-1', 'TOTE-3', 'TOTE-3']);
    expect(progress.works['1']?.picked).toEqual({ L2: 1 });
    expect(progress.works['3']?.picked).toEqual({ L4: 2 });
    expect(progress.works['2']?.picked).toEqual({});
  });

  it('never counts a wrong item, an unknown code, an invalid code or an item from another bin', () => {
    const { progress, outcomes } = run(ctx, start, [
      bin('A-01'),
      gtin(gtins.spoon),
      gtin('04000000000000'),
      { kind: 'invalid', code: 'bad-check-digit', message: 'check digit' },
      gtin(gtins.mug),
      { kind: 'tote', code: 'TOTE-1' },
    ]);
    expect(outcomes).toEqual([
      'bin-confirmed',
      'wrong-item',
      'unknown-item',
      'invalid',
      'scan-bin-first',
      'not-expected',
    ]);
    expect(Object.values(progress.works).map((w) => w.picked)).toEqual([{}, {}, {}]);
  });

  it('takes the rest of a line from the quantity prompt, but never more than it needs', () => {
    const { progress } = run(ctx, start, [bin('B-02'), gtin(gtins.mug)]);
    const line = ctx.lines.find((l) => l.fulfillmentId === '1' && l.lineId === 'L1')!;
    expect(batchRemaining(line, progress)).toBe(1);
    expect(addBatchPicked(progress, line, 2).outcome.kind).toBe('over-pick');
    const step = addBatchPicked(progress, line, 1);
    expect(step.outcome).toMatchObject({ kind: 'into-tote', tote: 'TOTE-1', remaining: 0 });
    expect(step.changed).toBe('1');
    expect(step.progress.works['1']?.picked).toEqual({ L1: 2 });
  });

  it('records a short pick in that order’s WorkDoc exactly as single picking would', () => {
    const line = ctx.lines.find((l) => l.fulfillmentId === '2')!;
    const step = shortBatchLine(ctx, start, line, 'not_found');
    const single = shortPick(ctx, { work: start.works['2']!, bin: null }, line, 'not_found');
    expect(step.outcome).toEqual({ kind: 'shorted', lineId: 'L3', sku: 'MUG-RED', quantity: 1 });
    expect(step.progress.works['2']).toEqual(single.progress.work);
    expect(step.progress.works['1']).toBe(start.works['1']);
    expect(isOrderPicked(ctx.lines, step.progress.works['2']!)).toBe(true);
  });

  it('is done when every line is picked or shorted, and resumes from stored WorkDocs', () => {
    const stored: Record<string, WorkDoc> = {
      '1': { ...start.works['1']!, picked: { L1: 2, L2: 1 } },
      '2': { ...start.works['2']!, picked: { L3: 1 } },
      '3': { ...start.works['3']!, picked: { L4: 1 } },
    };
    const resumed = { works: stored, bin: null };
    expect(currentBatchLine(ctx.lines, resumed)).toMatchObject({
      fulfillmentId: '3',
      lineId: 'L4',
    });
    const done = run(ctx, resumed, [bin('A-01'), gtin(gtins.tea)]);
    expect(currentBatchLine(ctx.lines, done.progress)).toBeNull();
  });

  it('drops the lines of an order cancelled mid-walk and says to set its tote aside', () => {
    const cancelled = orders.map((o) =>
      o.fulfillment.id === '3'
        ? { ...o, fulfillment: { ...o.fulfillment, cancelRequested: true } }
        : o,
    );
    expect(batchLines(cancelled).map((l) => l.fulfillmentId)).toEqual(['1', '1', '2']);
    expect(cancelledTotes(cancelled)).toEqual([{ tote: 'TOTE-3', orderNumber: 'WEB-3' }]);
  });
});

describe('finding a tote again', () => {
  const work = (fulfillmentId: string, tote: string, stage: WorkDoc['stage'], batchId = 'b-1') => ({
    ...newBatchWork([fulfillmentId], batchId, 'ST-1', 'op-7')[0]!,
    stage,
    batch: { id: batchId, position: 0, tote },
  });
  const known = new Map([
    ['F1', makeFulfillment('F1', [])],
    ['F2', makeFulfillment('F2', [], { cancelRequested: true })],
    ['F3', makeFulfillment('F3', [])],
  ]);

  it('frees a tote once its order is packed, and a cancelled order’s tote for a new batch', () => {
    const holders = toteHolders(
      [
        work('F1', 'TOTE-1', 'packing'),
        work('F2', 'TOTE-2', 'picking'),
        work('F3', 'TOTE-3', 'done'),
        work('F9', 'TOTE-9', 'picking'),
      ],
      known,
    );
    expect(holders.map((h) => h.tote)).toEqual(['TOTE-1', 'TOTE-2']);
    expect([...busyTotes(holders, 'b-2')]).toEqual([['TOTE-1', 'WEB-F1']]);
    expect([...busyTotes(holders, 'b-1')]).toEqual([]);
  });

  it('sets aside the tote of work given back, and frees it once its goods are put back', () => {
    const release = { by: 'timeout' as const, at: '2026-12-03T10:00:00Z', note: null };
    const holders = toteHolders(
      [
        { ...work('F1', 'TOTE-1', 'picking'), release },
        { ...work('F3', 'TOTE-3', 'packing'), release, putBackAt: '2026-12-03T10:05:00Z' },
      ],
      known,
    );
    expect(holders.map((h) => [h.tote, h.cancelled])).toEqual([['TOTE-1', true]]);
  });

  it('opens the order a scanned tote holds, preferring one still to ship over a cancelled one', () => {
    const holders = toteHolders(
      [work('F2', 'TOTE-2', 'packing'), work('F1', 'TOTE-2', 'picking', 'b-2')],
      known,
    );
    expect(orderInTote(holders, 'TOTE-2')).toMatchObject({ fulfillmentId: 'F1', batchId: 'b-2' });
    expect(orderInTote(holders, 'TOTE-5')).toBeNull();
  });
});
