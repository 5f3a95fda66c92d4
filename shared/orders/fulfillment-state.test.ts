import { describe, expect, it } from 'vitest';
import {
  FULFILLMENT_STATUSES,
  NEW_FULFILLMENT_STATE,
  canFulfillmentTransition,
  releaseFulfillmentHold,
  transitionFulfillment,
} from './fulfillment-state';
import type { FulfillmentState, FulfillmentStatus } from './fulfillment-state';

const state = (
  status: FulfillmentStatus,
  heldFrom: FulfillmentStatus | null = null,
): FulfillmentState => ({ status, heldFrom });

const allowed: Array<[FulfillmentStatus, FulfillmentStatus]> = [
  ['released', 'picking'],
  ['released', 'on_hold'],
  ['released', 'cancelled'],
  ['picking', 'packed'],
  ['picking', 'released'],
  ['picking', 'on_hold'],
  ['picking', 'cancelled'],
  ['packed', 'shipped'],
  ['packed', 'on_hold'],
  ['packed', 'cancelled'],
  ['on_hold', 'cancelled'],
];
const holdable: FulfillmentStatus[] = ['released', 'picking', 'packed'];

describe('fulfillment order lifecycle', () => {
  it('starts a new fulfillment order as released', () => {
    expect(NEW_FULFILLMENT_STATE).toEqual(state('released'));
  });

  it.each(allowed)('moves a fulfillment order from %s to %s', (from, to) => {
    const heldFrom = to === 'on_hold' ? from : null;
    expect(transitionFulfillment(state(from), to)).toEqual({
      ok: true,
      state: state(to, heldFrom),
    });
  });

  it.each(holdable)('holds a %s fulfillment order and releases it back there', (from) => {
    const held = transitionFulfillment(state(from), 'on_hold');
    expect(held).toEqual({ ok: true, state: state('on_hold', from) });
    if (held.ok)
      expect(releaseFulfillmentHold(held.state)).toEqual({ ok: true, state: state(from) });
  });

  it('allows exactly the listed moves and refuses every other pair', () => {
    const expected = new Set([
      ...allowed.map(([f, t]) => `${f}>${t}`),
      ...holdable.map((s) => `on_hold>${s}`),
    ]);
    for (const from of FULFILLMENT_STATUSES) {
      for (const to of FULFILLMENT_STATUSES) {
        const key = `${from}>${to}`;
        expect(canFulfillmentTransition(from, to), key).toBe(expected.has(key));
      }
    }
  });

  it.each<[FulfillmentStatus, FulfillmentStatus, RegExp]>([
    ['shipped', 'cancelled', /shipped is final/],
    ['cancelled', 'released', /cancelled is final/],
    ['released', 'packed', /released cannot become packed/],
    ['released', 'shipped', /released cannot become shipped/],
    ['packed', 'picking', /packed cannot become picking/],
    ['shipped', 'on_hold', /shipped is final/],
  ])('refuses %s → %s with a reason', (from, to, reason) => {
    const result = transitionFulfillment(state(from), to);
    expect(result).toMatchObject({ ok: false, code: 'illegal_transition' });
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses to release a hold past the status it was held from', () => {
    expect(transitionFulfillment(state('on_hold', 'picking'), 'packed')).toMatchObject({
      ok: false,
      code: 'hold_release_mismatch',
    });
  });
});
