// B2B orders held for an approver (over the buyer's limit) or for credit (over the company's
// limit), and released when every reason is cleared: approved, and paid down under the limit.
// The hold itself is the order's ordinary on_hold status (hold-order.ts), so stations stop
// offering the work until it is released.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { ApiError, notFound } from '../../http/api-error';
import { cancelOrder } from '../../orders/cancel-order';
import { setOrderHold } from '../../orders/hold-order';
import { tokenHash } from '../quotes/quotes';
import { openBalanceMinor, releasableHolds, withinCredit } from './credit';

export interface HoldCheck {
  orderId: string;
  companyId: string;
  buyerId: string | null;
  buyerLimitMinor: number | null;
  creditLimitMinor: number | null;
  totalMinor: number;
  actor: string;
}

async function creditPosition(db: Kysely<Database>, companyId: string) {
  const entries = await db
    .selectFrom('b2b_ledger')
    .select(['kind', 'amount_minor'])
    .where('company_id', '=', companyId)
    .execute();
  const held = await db
    .selectFrom('b2b_credit_holds')
    .select(['order_id', 'amount_minor', 'created_at'])
    .where('company_id', '=', companyId)
    .where('released_at', 'is', null)
    .orderBy('created_at')
    .orderBy('order_id')
    .execute();
  return {
    openMinor: openBalanceMinor(
      entries.map((e) => ({ kind: e.kind, amountMinor: e.amount_minor })),
    ),
    held: held.map((h) => ({ orderId: h.order_id, amountMinor: h.amount_minor })),
  };
}

/** Holds a just-placed order when it needs an approver or exceeds credit; returns the reasons. */
export async function holdForApprovalAndCredit(
  db: Kysely<Database>,
  check: HoldCheck,
): Promise<string[]> {
  const reasons: string[] = [];
  let approvalToken: string | null = null;
  if (check.buyerLimitMinor !== null && check.totalMinor > check.buyerLimitMinor) {
    approvalToken = randomBytes(32).toString('base64url');
    await db
      .insertInto('b2b_approvals')
      .values({
        id: randomUUID(),
        order_id: check.orderId,
        company_id: check.companyId,
        buyer_id: check.buyerId,
        reason: `order total ${check.totalMinor} over the buyer's limit ${check.buyerLimitMinor}`,
        status: 'pending',
        token_hash: tokenHash(approvalToken),
      })
      .execute();
    reasons.push('approval');
  }
  // Serialised per company so two orders cannot both fit under the same remaining credit.
  await db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('b2b_companies')
      .select('customer_id')
      .where('customer_id', '=', check.companyId)
      .forUpdate()
      .execute();
    const { openMinor, held } = await creditPosition(trx, check.companyId);
    const heldMinor = held.reduce((sum, h) => sum + h.amountMinor, 0);
    if (!withinCredit(check.creditLimitMinor, openMinor, heldMinor, check.totalMinor)) {
      await trx
        .insertInto('b2b_credit_holds')
        .values({
          order_id: check.orderId,
          company_id: check.companyId,
          amount_minor: check.totalMinor,
        })
        .execute();
      reasons.push('credit');
    }
  });
  if (reasons.length > 0)
    await setOrderHold(db, {
      orderId: check.orderId,
      actor: check.actor,
      hold: true,
      reason: `b2b: ${reasons.join(', ')}`,
    });
  return reasons;
}

/** Releases the order's hold when nothing keeps it: no pending approval, no open credit hold. */
async function releaseIfClear(
  db: Kysely<Database>,
  orderId: string,
  actor: string,
): Promise<boolean> {
  const pending = await db
    .selectFrom('b2b_approvals')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  const credit = await db
    .selectFrom('b2b_credit_holds')
    .select('order_id')
    .where('order_id', '=', orderId)
    .where('released_at', 'is', null)
    .executeTakeFirst();
  if (pending || credit) return false;
  const order = await db
    .selectFrom('orders')
    .select('status')
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  if (order.status !== 'on_hold') return false;
  await setOrderHold(db, {
    orderId,
    actor,
    hold: false,
    reason: 'b2b: approved and within credit',
  });
  return true;
}

export async function decideApproval(
  db: Kysely<Database>,
  find: { id: string } | { token: string },
  approve: boolean,
  actor: string,
): Promise<{ orderId: string; status: string }> {
  const approval = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('b2b_approvals')
      .selectAll()
      .$if('id' in find, (q) => q.where('id', '=', (find as { id: string }).id))
      .$if('token' in find, (q) =>
        q.where('token_hash', '=', tokenHash((find as { token: string }).token)),
      )
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Approval');
    if (row.status !== 'pending')
      throw new ApiError(
        409,
        `approval_${row.status}`,
        `This order was already ${row.status}.`,
        'status',
      );
    await trx
      .updateTable('b2b_approvals')
      .set({ status: approve ? 'approved' : 'rejected', decided_by: actor, decided_at: new Date() })
      .where('id', '=', row.id)
      .execute();
    return row;
  });
  if (approve) await releaseIfClear(db, approval.order_id, actor);
  else {
    await db
      .updateTable('b2b_credit_holds')
      .set({ released_at: new Date() })
      .where('order_id', '=', approval.order_id)
      .where('released_at', 'is', null)
      .execute();
    await cancelOrder(db, { orderId: approval.order_id, actor, reason: 'b2b: approval rejected' });
  }
  const order = await db
    .selectFrom('orders')
    .select('status')
    .where('id', '=', approval.order_id)
    .executeTakeFirstOrThrow();
  return { orderId: approval.order_id, status: order.status };
}

/** Inside a transaction holding the company row: marks the credit holds its balance now fits. */
async function releaseFittingHolds(
  trx: Kysely<Database>,
  company: { customer_id: string; credit_limit_minor: number | null },
) {
  const position = await creditPosition(trx, company.customer_id);
  const released = releasableHolds(company.credit_limit_minor, position.openMinor, position.held);
  if (released.length > 0)
    await trx
      .updateTable('b2b_credit_holds')
      .set({ released_at: new Date() })
      .where(
        'order_id',
        'in',
        released.map((h) => h.orderId),
      )
      .execute();
  return { released, openMinor: position.openMinor };
}

async function releaseOrders(db: Kysely<Database>, holds: { orderId: string }[], actor: string) {
  const releasedOrders: string[] = [];
  for (const hold of holds)
    if (await releaseIfClear(db, hold.orderId, actor)) releasedOrders.push(hold.orderId);
  return releasedOrders;
}

/**
 * After a change to the company's ledger committed (a credit note, an imported payment): releases
 * the credit holds its balance now makes room for, oldest first.
 */
export async function releaseCreditHolds(
  db: Kysely<Database>,
  companyId: string,
  actor: string,
): Promise<{ openBalanceMinor: number; releasedOrders: string[] }> {
  const { released, openMinor } = await db.transaction().execute(async (trx) => {
    const company = await trx
      .selectFrom('b2b_companies')
      .select(['customer_id', 'credit_limit_minor'])
      .where('customer_id', '=', companyId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return releaseFittingHolds(trx, company);
  });
  return { openBalanceMinor: openMinor, releasedOrders: await releaseOrders(db, released, actor) };
}

/**
 * Records a payment or a credit note from finance and releases the credit holds it makes room
 * for (oldest first).
 */
export async function recordPayment(
  db: Kysely<Database>,
  payment: {
    companyId: string;
    amountMinor: number;
    reference: string;
    actor: string;
    kind?: 'payment' | 'credit_note';
  },
): Promise<{ openBalanceMinor: number; releasedOrders: string[] }> {
  const { released, openMinor } = await db.transaction().execute(async (trx) => {
    const company = await trx
      .selectFrom('b2b_companies')
      .select(['customer_id', 'credit_limit_minor'])
      .where('customer_id', '=', payment.companyId)
      .forUpdate()
      .executeTakeFirst();
    if (!company) throw notFound(`Company ${payment.companyId}`);
    await trx
      .insertInto('b2b_ledger')
      .values({
        id: randomUUID(),
        company_id: company.customer_id,
        kind: payment.kind ?? 'payment',
        amount_minor: payment.amountMinor,
        reference: payment.reference,
        recorded_by: payment.actor,
      })
      .execute();
    return releaseFittingHolds(trx, company);
  });
  return {
    openBalanceMinor: openMinor,
    releasedOrders: await releaseOrders(db, released, payment.actor),
  };
}
