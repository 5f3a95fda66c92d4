import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RMA_STATUSES,
  awaitsGoods,
  isFinal,
  movesAfterParcel,
  settledMoves,
  transitionRma,
  type RmaStanding,
  type RmaStatus,
} from './rma-state';

const standing = (over: Partial<RmaStanding> = {}): RmaStanding => ({
  unitsReceived: 1,
  complete: false,
  refundOutstanding: false,
  refundedMinor: 1000,
  ...over,
});

describe('RMA state machine', () => {
  it('walks the happy path authorised → in transit → received → inspected → refunded', () => {
    const path = ['in_transit', 'received', 'inspected', 'refunded'] as const;
    let status: RmaStatus = 'authorised';
    for (const next of path) {
      const moved = transitionRma(status, next);
      expect(moved).toEqual({ ok: true, status: next });
      if (moved.ok) status = moved.status;
    }
    expect(isFinal(status)).toBe(true);
  });

  it('lets a parcel be received without a carrier scan first', () => {
    expect(transitionRma('authorised', 'received').ok).toBe(true);
    expect(transitionRma('authorised', 'partially_received').ok).toBe(true);
  });

  it('refuses to refund goods that were not inspected, and names the allowed next states', () => {
    const moved = transitionRma('received', 'refunded');
    expect(moved).toEqual({
      ok: false,
      reason: expect.stringContaining('next: inspected, rejected'),
    });
  });

  it('never leaves a final state', () => {
    for (const final of ['refunded', 'closed', 'expired', 'rejected'] as const) {
      for (const to of RMA_STATUSES) expect(transitionRma(final, to).ok).toBe(false);
      expect(transitionRma(final, 'authorised')).toEqual({
        ok: false,
        reason: `The RMA is ${final}; that is final.`,
      });
    }
  });

  it('expects goods until every unit arrived, and never once the RMA ended', () => {
    expect(RMA_STATUSES.filter(awaitsGoods)).toEqual([
      'authorised',
      'in_transit',
      'partially_received',
      'partially_refunded',
    ]);
  });

  it('lets a person close or time expire a half-received RMA, but not a refunded one', () => {
    for (const from of ['partially_received', 'partially_refunded'] as const) {
      expect(transitionRma(from, 'closed').ok).toBe(true);
      expect(transitionRma(from, 'expired').ok).toBe(true);
    }
    expect(transitionRma('refunded', 'closed').ok).toBe(false);
  });
});

describe('where a parcel takes the RMA', () => {
  it('keeps an RMA open after a first parcel with part of the goods, refunded at once', () => {
    expect(movesAfterParcel('authorised', standing())).toEqual([
      'partially_received',
      'partially_refunded',
    ]);
  });

  it('stays partially received while a parcel refund is outstanding, settling later', () => {
    expect(movesAfterParcel('in_transit', standing({ refundOutstanding: true }))).toEqual([
      'partially_received',
    ]);
    expect(movesAfterParcel('partially_received', standing({ refundOutstanding: true }))).toEqual(
      [],
    );
    expect(settledMoves('partially_received', standing())).toEqual(['partially_refunded']);
  });

  it('completes with the last units: received, inspected, refunded (closed if nothing was refunded)', () => {
    expect(movesAfterParcel('partially_refunded', standing({ complete: true }))).toEqual([
      'received',
      'inspected',
      'refunded',
    ]);
    expect(movesAfterParcel('authorised', standing({ complete: true, refundedMinor: 0 }))).toEqual([
      'received',
      'inspected',
      'closed',
    ]);
    expect(
      movesAfterParcel('partially_received', standing({ complete: true, refundOutstanding: true })),
    ).toEqual(['received', 'inspected']);
    expect(settledMoves('inspected', standing({ complete: true }))).toEqual(['refunded']);
  });

  it('moves nothing for a parcel that held no authorised unit', () => {
    expect(movesAfterParcel('partially_refunded', standing({ unitsReceived: 0 }))).toEqual([]);
  });

  it('only ever makes legal moves, from every state that takes a parcel', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RMA_STATUSES.filter(awaitsGoods)),
        fc.record({
          unitsReceived: fc.nat(5),
          complete: fc.boolean(),
          refundOutstanding: fc.boolean(),
          refundedMinor: fc.nat(10_000),
        }),
        (from, s) => {
          let status: RmaStatus = from;
          for (const to of movesAfterParcel(from, s)) {
            expect(transitionRma(status, to)).toEqual({ ok: true, status: to });
            status = to;
          }
          if (s.unitsReceived > 0) expect(awaitsGoods(status)).toBe(!s.complete);
        },
      ),
    );
  });
});
