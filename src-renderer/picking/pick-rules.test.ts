import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../shared/barcodes';
import {
  applyPickScan,
  isPickComplete,
  newWork,
  nextLine,
  remainingToPick,
  shortPick,
  walkOrder,
  type PickContext,
  type PickLine,
  type PickProgress,
} from './pick-rules';

function makeLine(overrides: Partial<PickLine> = {}): PickLine {
  return {
    lineId: 'L1',
    sku: 'MUG-RED',
    name: 'Red mug',
    quantity: 1,
    bin: 'A-01',
    walkSequence: 10,
    unitWeightGrams: 350,
    unitPriceCents: 995,
    ...overrides,
  };
}

const mugs = makeLine({ lineId: 'L1', sku: 'MUG-RED', quantity: 3, bin: 'B-02', walkSequence: 20 });
const tea = makeLine({
  lineId: 'L2',
  sku: 'TEA-GREEN',
  quantity: 1,
  bin: 'A-01',
  walkSequence: 10,
});
const gtins = new Map([
  ['08712345678906', 'MUG-RED'],
  ['08712345678913', 'TEA-GREEN'],
  ['08712345678920', 'SPOON-STEEL'],
]);
const ctx: PickContext = {
  lines: walkOrder([mugs, tea]),
  skuByGtin: gtins,
  operatorId: 'op-7',
  now: () => '2026-11-27T10:00:00Z',
};
const start = (): PickProgress => ({ work: newWork('FO-1', 'ST-1', 'op-7'), bin: null });
const gtin = (gtin14: string): ScanResult => ({ kind: 'gtin', gtin14, symbology: 'ean-13' });
const bin = (code: string): ScanResult => ({ kind: 'bin', code });

function run(scans: ScanResult[], from = start()) {
  let progress = from;
  const outcomes: string[] = [];
  for (const scan of scans) {
    const step = applyPickScan(ctx, progress, scan);
    progress = step.progress;
    outcomes.push(step.outcome.kind);
  }
  return { progress, outcomes };
}

describe('picking', () => {
  it('walks the lines in bin walk order', () => {
    expect(ctx.lines.map((l) => l.lineId)).toEqual(['L2', 'L1']);
    expect(nextLine(ctx.lines, start().work)?.lineId).toBe('L2');
  });

  it('asks for the bin before the item and refuses a bin with nothing left to pick', () => {
    const { progress, outcomes } = run([
      gtin('08712345678913'),
      bin('C-09'),
      bin('a-01'),
      gtin('08712345678913'),
    ]);
    expect(outcomes).toEqual(['scan-bin-first', 'wrong-bin', 'bin-confirmed', 'picked']);
    expect(progress.work.picked).toEqual({ L2: 1 });
  });

  it('never counts a wrong item, an unknown code or an over-pick', () => {
    const { progress, outcomes } = run([
      bin('A-01'),
      gtin('08712345678920'), // in the catalogue, not in this order
      gtin('04000000000000'), // not in the catalogue
      gtin('08712345678913'),
      gtin('08712345678913'), // the line needed one
      { kind: 'invalid', code: 'bad-check-digit', message: 'check digit' },
    ]);
    expect(outcomes).toEqual([
      'bin-confirmed',
      'wrong-item',
      'unknown-item',
      'picked',
      'over-pick',
      'invalid',
    ]);
    expect(progress.work.picked).toEqual({ L2: 1 });
  });

  it('counts a GS1 count (AI 37) at once but refuses more than the line needs', () => {
    const counted = (count: number): ScanResult => ({
      kind: 'gs1',
      symbology: 'gs1-128',
      elements: [],
      gtin: '08712345678906',
      count,
    });
    const { progress, outcomes } = run([
      bin('B-02'),
      counted(4),
      counted(2),
      counted(1),
      counted(1),
    ]);
    expect(outcomes).toEqual(['bin-confirmed', 'over-pick', 'picked', 'picked', 'over-pick']);
    expect(progress.work.picked).toEqual({ L1: 3 });
  });

  it('records a short pick of what is missing with the reason and the operator, and the line is done', () => {
    const { progress } = run([bin('B-02'), gtin('08712345678906')]);
    const step = shortPick(ctx, progress, mugs, 'damaged');
    expect(step.outcome).toEqual({ kind: 'shorted', lineId: 'L1', sku: 'MUG-RED', quantity: 2 });
    expect(step.progress.work.shorts).toEqual([
      {
        lineId: 'L1',
        sku: 'MUG-RED',
        quantity: 2,
        reason: 'damaged',
        note: null,
        operatorId: 'op-7',
        at: '2026-11-27T10:00:00Z',
      },
    ]);
    expect(remainingToPick(mugs, step.progress.work)).toBe(0);
    expect(isPickComplete(ctx.lines, step.progress.work)).toBe(false);
    const done = run([bin('A-01'), gtin('08712345678913')], step.progress);
    expect(isPickComplete(ctx.lines, done.progress.work)).toBe(true);
  });

  it('resumes from a stored WorkDoc exactly where it was', () => {
    const stored = { ...start().work, picked: { L2: 1, L1: 2 } };
    expect(nextLine(ctx.lines, stored)?.lineId).toBe('L1');
    expect(remainingToPick(mugs, stored)).toBe(1);
  });
});
