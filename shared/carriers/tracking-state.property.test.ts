import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FINAL_TRACKING_STATES,
  nextTrackedEvent,
  shipmentTrackedState,
  TRACKING_STATES,
} from './tracking-state';
import type { TrackedEvent } from './tracking-state';

const START = Date.parse('2026-03-02T08:00:00Z');
const event: fc.Arbitrary<TrackedEvent> = fc.record({
  state: fc.constantFrom(...TRACKING_STATES),
  // Minutes apart over three days, with many events of the same minute.
  occurredAt: fc
    .integer({ min: 0, max: 3 * 24 * 60 })
    .map((m) => new Date(START + m * 60_000).toISOString()),
});
const events = fc.array(event, { minLength: 1, maxLength: 25 });
const fold = (list: readonly TrackedEvent[]) =>
  list.reduce<TrackedEvent | null>(nextTrackedEvent, null);

describe('tracking state over carrier events', () => {
  it('is the same whatever order the events arrive in', () => {
    fc.assert(
      fc.property(
        events.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          expect(fold(shuffled)).toEqual(fold(list));
        },
      ),
    );
  });

  it('changes nothing when an event arrives again', () => {
    fc.assert(
      fc.property(events, fc.nat(), (list, pick) => {
        const again = list[pick % list.length]!;
        expect(fold([...list, again])).toEqual(fold(list));
      }),
    );
  });

  it('never moves backwards: a final state stays, and a later state is never replaced by an earlier one', () => {
    fc.assert(
      fc.property(events, (list) => {
        let current: TrackedEvent | null = null;
        for (const incoming of list) {
          const next = nextTrackedEvent(current, incoming);
          if (current && FINAL_TRACKING_STATES.includes(current.state))
            expect(FINAL_TRACKING_STATES).toContain(next.state);
          if (current && !FINAL_TRACKING_STATES.includes(incoming.state))
            expect(Date.parse(next.occurredAt)).toBeGreaterThanOrEqual(
              Date.parse(current.occurredAt),
            );
          current = next;
        }
      }),
    );
  });

  it('calls a shipment delivered only when every carton is', () => {
    fc.assert(
      fc.property(
        fc.array(event, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 2 }),
        (cartons, missing) => {
          const byCarton = new Map(cartons.map((e, i) => [`carton-${i}`, e]));
          const count = cartons.length + missing;
          const state = shipmentTrackedState(byCarton, count);
          const allDelivered = missing === 0 && cartons.every((e) => e.state === 'delivered');
          expect(state?.state === 'delivered').toBe(allDelivered);
        },
      ),
    );
  });

  it('an out-for-delivery scan after a failed attempt is the newer state; a late in-transit scan is not', () => {
    const failed = { state: 'delivery_failed' as const, occurredAt: '2026-03-02T12:00:00Z' };
    const outAgain = { state: 'out_for_delivery' as const, occurredAt: '2026-03-03T08:00:00Z' };
    const oldScan = { state: 'in_transit' as const, occurredAt: '2026-03-01T20:00:00Z' };
    expect(fold([failed, outAgain, oldScan])).toEqual(outAgain);
    expect(fold([oldScan, outAgain, failed])).toEqual(outAgain);
  });
});
