import { describe, expect, it } from 'vitest';
import {
  NEW_ORDER_STATE,
  ORDER_STATUSES,
  canOrderTransition,
  orderStatusSchema,
  releaseOrderHold,
  transitionOrder,
} from './order-state';
import type { OrderState, OrderStatus } from './order-state';

const state = (status: OrderStatus, heldFrom: OrderStatus | null = null): OrderState => ({
  status,
  heldFrom,
});

// Written out independently of ORDER_TRANSITIONS so a slip in the table shows up here.
const allowed: Array<[OrderStatus, OrderStatus]> = [
  ['placed', 'allocated'],
  ['placed', 'backordered'],
  ['placed', 'on_hold'],
  ['placed', 'cancelled'],
  ['allocated', 'released'],
  ['allocated', 'on_hold'],
  ['allocated', 'cancelled'],
  ['backordered', 'allocated'],
  ['backordered', 'on_hold'],
  ['backordered', 'cancelled'],
  ['released', 'picking'],
  ['released', 'partially_shipped'],
  ['released', 'on_hold'],
  ['released', 'cancelled'],
  ['picking', 'packed'],
  ['picking', 'partially_shipped'],
  ['picking', 'on_hold'],
  ['picking', 'cancelled'],
  ['packed', 'shipped'],
  ['packed', 'partially_shipped'],
  ['packed', 'on_hold'],
  ['packed', 'cancelled'],
  ['partially_shipped', 'partially_shipped'],
  ['partially_shipped', 'shipped'],
  ['partially_shipped', 'on_hold'],
  ['shipped', 'delivered'],
  ['on_hold', 'cancelled'],
];
const holdable: OrderStatus[] = [
  'placed',
  'allocated',
  'backordered',
  'released',
  'picking',
  'packed',
  'partially_shipped',
];

describe('order lifecycle', () => {
  it('starts a new order as placed and not on hold', () => {
    expect(NEW_ORDER_STATE).toEqual({ status: 'placed', heldFrom: null });
  });

  it.each(allowed)('moves an order from %s to %s', (from, to) => {
    expect(canOrderTransition(from, to)).toBe(true);
    const heldFrom = to === 'on_hold' ? from : null;
    expect(transitionOrder(state(from), to)).toEqual({ ok: true, state: state(to, heldFrom) });
  });

  it.each(holdable)('puts a %s order on hold and releases it back to the same status', (from) => {
    const held = transitionOrder(state(from), 'on_hold');
    expect(held).toEqual({ ok: true, state: state('on_hold', from) });
    if (!held.ok) return;
    expect(transitionOrder(held.state, from)).toEqual({ ok: true, state: state(from) });
    expect(releaseOrderHold(held.state)).toEqual({ ok: true, state: state(from) });
  });

  it('allows exactly the listed moves and refuses every other pair', () => {
    const expected = new Set([
      ...allowed.map(([f, t]) => `${f}>${t}`),
      ...holdable.map((s) => `on_hold>${s}`),
    ]);
    for (const from of ORDER_STATUSES) {
      for (const to of ORDER_STATUSES) {
        const key = `${from}>${to}`;
        expect(canOrderTransition(from, to), key).toBe(expected.has(key));
      }
    }
  });

  it.each<[OrderStatus, OrderStatus, RegExp]>([
    [
      'shipped',
      'cancelled',
      /shipped cannot become cancelled: from shipped it can become delivered/,
    ],
    ['partially_shipped', 'cancelled', /partially_shipped cannot become cancelled/],
    ['delivered', 'cancelled', /delivered is final/],
    ['cancelled', 'allocated', /cancelled is final/],
    ['placed', 'shipped', /placed cannot become shipped/],
    ['placed', 'released', /placed cannot become released/],
    ['backordered', 'released', /backordered cannot become released/],
    ['allocated', 'picking', /allocated cannot become picking/],
    ['packed', 'picking', /packed cannot become picking/],
    ['shipped', 'on_hold', /shipped cannot become on_hold/],
    ['delivered', 'shipped', /delivered is final/],
    ['on_hold', 'on_hold', /on_hold cannot become on_hold/],
    ['placed', 'placed', /placed cannot become placed/],
  ])('refuses %s → %s with a reason', (from, to, reason) => {
    const result = transitionOrder(state(from), to);
    expect(result).toMatchObject({ ok: false, code: 'illegal_transition', from, to });
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses to release a hold into a status other than the one it was held from', () => {
    const result = transitionOrder(state('on_hold', 'allocated'), 'released');
    expect(result).toMatchObject({ ok: false, code: 'hold_release_mismatch' });
    if (!result.ok) expect(result.reason).toMatch(/on hold while allocated/);
  });

  it('cancels an order on hold whatever it was held from and forgets the hold', () => {
    expect(transitionOrder(state('on_hold', 'packed'), 'cancelled')).toEqual({
      ok: true,
      state: state('cancelled'),
    });
  });

  it('refuses to release a hold that is not there or whose origin is lost', () => {
    expect(releaseOrderHold(state('allocated'))).toMatchObject({
      ok: false,
      code: 'illegal_transition',
    });
    expect(releaseOrderHold(state('on_hold', null))).toMatchObject({
      ok: false,
      code: 'hold_release_mismatch',
    });
  });

  it('leaves the given state untouched when it refuses', () => {
    const current = state('shipped');
    transitionOrder(current, 'cancelled');
    expect(current).toEqual(state('shipped'));
  });

  it('validates a status string with the zod schema', () => {
    expect(orderStatusSchema.safeParse('partially_shipped').success).toBe(true);
    expect(orderStatusSchema.safeParse('lost').success).toBe(false);
  });
});
