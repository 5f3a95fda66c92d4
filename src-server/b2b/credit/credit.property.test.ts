// Credit arithmetic to the cent for any ledger: the open balance, the credit check and which held
// orders a balance releases (never more than the limit allows, oldest first), and due dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDate, openBalanceMinor, releasableHolds, withinCredit } from './credit';
import type { LedgerEntry } from './credit';

const cents = fc.integer({ min: 1, max: 100_000_000 });
const ledger = fc.array(
  fc.record({ kind: fc.constantFrom('invoice', 'payment', 'credit_note'), amountMinor: cents }),
  { maxLength: 40 },
) as fc.Arbitrary<LedgerEntry[]>;

describe('credit', () => {
  it('open balance = invoices − payments − credit notes', () => {
    fc.assert(
      fc.property(ledger, (entries) => {
        const sum = (kind: string) =>
          entries.filter((e) => e.kind === kind).reduce((s, e) => s + e.amountMinor, 0);
        expect(openBalanceMinor(entries)).toBe(
          sum('invoice') - sum('payment') - sum('credit_note'),
        );
      }),
    );
  });

  it('releases held orders oldest first while they fit, and what it releases fits the limit', () => {
    fc.assert(
      fc.property(
        fc.option(cents, { nil: null }),
        fc.integer({ min: -100_000_000, max: 100_000_000 }),
        fc.array(fc.record({ amountMinor: cents }), { maxLength: 20 }),
        (limit, open, holds) => {
          const released = releasableHolds(limit, open, holds);
          expect(released).toEqual(holds.slice(0, released.length));
          const committed = released.reduce((s, h) => s + h.amountMinor, 0);
          if (limit !== null) {
            expect(released.length === 0 || open + committed <= limit).toBe(true);
            const next = holds[released.length];
            if (next) expect(withinCredit(limit, open, committed, next.amountMinor)).toBe(false);
          } else expect(released).toHaveLength(holds.length);
        },
      ),
    );
  });

  it('due dates: net N is N days later; end of month + N counts from the last day of the month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 120 }), (d, n) => {
        const issued = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000);
        const day = issued.toISOString().slice(0, 10);
        const net = new Date(`${dueDate({ kind: 'net', days: n }, day)}T00:00:00Z`);
        expect((net.getTime() - issued.getTime()) / 86_400_000).toBe(n);
        const eom = new Date(`${dueDate({ kind: 'end_of_month', days: n }, day)}T00:00:00Z`);
        const last = new Date(Date.UTC(issued.getUTCFullYear(), issued.getUTCMonth() + 1, 0));
        expect((eom.getTime() - last.getTime()) / 86_400_000).toBe(n);
        expect(dueDate({ kind: 'prepaid' }, day)).toBe(day);
      }),
    );
  });
});
