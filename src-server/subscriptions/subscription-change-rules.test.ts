// The e-mail and link rules on plain data: a new address or a revocation raises the link epoch
// (every link signed before stops working); a customer cannot move the e-mails elsewhere.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideChange } from './subscription-change-rules';
import type { ChangeActor, Terms } from './subscription-change-rules';
import type { PlanRules } from './subscription-schedule';

const plan: PlanRules = {
  code: 'WEEKLY',
  rhythm: { unit: 'week', count: 1, dayOfMonth: null },
  cutoffDays: 2,
  priceRule: 'fixed',
  discountPercent: 0,
  minCycles: 0,
  maxCycles: null,
  billing: 'per_delivery',
  prepaidDeliveries: 1,
  skus: ['SKU-1'],
};

const terms = (linkEpoch: number): Terms => ({
  schedule: {
    state: 'active',
    pausedUntil: null,
    anchorDate: '2026-03-09',
    nextCycleNo: 1,
    nextRenewalDate: '2026-03-09',
    cyclesPlaced: 0,
  },
  lines: [{ lineNo: 1, sku: 'SKU-1', quantity: 1, signupUnitPriceMinor: 1000 }],
  shipTo: { name: 'E', line1: 'Damrak 1', postalCode: '1012 AB', city: 'Amsterdam', country: 'NL' },
  payment: { provider: 'ledger' },
  email: 'emma@example.com',
  linkEpoch,
});

const ctx = (actor: ChangeActor) => ({ today: '2026-03-02', lead: 2, actor });

describe('link revocation rules', () => {
  it('raises the link epoch by one for a revocation or a new address, by anyone allowed', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1_000_000 }),
        fc.constantFrom<ChangeActor>('staff', 'channel'),
        (epoch, actor) => {
          const revoked = decideChange(terms(epoch), plan, { type: 'revoke_links' }, ctx(actor));
          const moved = decideChange(
            terms(epoch),
            plan,
            { type: 'change_email', email: 'other@example.com' },
            ctx(actor),
          );
          expect(revoked.ok && revoked.terms.linkEpoch).toBe(epoch + 1);
          expect(moved.ok && [moved.terms.email, moved.terms.linkEpoch]).toEqual([
            'other@example.com',
            epoch + 1,
          ]);
        },
      ),
    );
  });

  it('refuses a customer moving the e-mails to another address, naming the field', () => {
    const outcome = decideChange(
      terms(0),
      plan,
      { type: 'change_email', email: 'thief@example.com' },
      ctx('customer'),
    );
    expect(outcome).toMatchObject({ ok: false, status: 403, field: 'email' });
  });
});
