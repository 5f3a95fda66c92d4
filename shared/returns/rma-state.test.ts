import { describe, expect, it } from 'vitest';
import { RMA_STATUSES, awaitsGoods, isFinal, transitionRma } from './rma-state';

describe('RMA state machine', () => {
  it('walks the happy path authorised → in transit → received → inspected → refunded', () => {
    const path = ['in_transit', 'received', 'inspected', 'refunded'] as const;
    let status: (typeof RMA_STATUSES)[number] = 'authorised';
    for (const next of path) {
      const moved = transitionRma(status, next);
      expect(moved).toEqual({ ok: true, status: next });
      if (moved.ok) status = moved.status;
    }
    expect(isFinal(status)).toBe(true);
  });

  it('lets a parcel be received without a carrier scan first', () => {
    expect(transitionRma('authorised', 'received').ok).toBe(true);
  });

  it('refuses to refund goods that were not inspected, and names the allowed next states', () => {
    const moved = transitionRma('received', 'refunded');
    expect(moved).toEqual({
      ok: false,
      reason: expect.stringContaining('next: inspected, rejected'),
    });
  });

  it('never leaves a final state', () => {
    for (const final of ['refunded', 'closed', 'rejected'] as const) {
      for (const to of RMA_STATUSES) expect(transitionRma(final, to).ok).toBe(false);
      expect(transitionRma(final, 'authorised')).toEqual({
        ok: false,
        reason: `The RMA is ${final}; that is final.`,
      });
    }
  });

  it('expects goods only before they arrived', () => {
    expect(RMA_STATUSES.filter(awaitsGoods)).toEqual(['authorised', 'in_transit']);
  });
});
