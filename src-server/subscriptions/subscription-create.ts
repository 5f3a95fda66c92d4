// Creating a subscription, as a channel's checkout posts it (or staff enter it): checked against
// the plan and the catalogue, stored with its lines, its first history entry and the welcome
// e-mail's outbox event, and keyed by Idempotency-Key like an order (a replay answers the first).
import { randomBytes, randomUUID } from 'node:crypto';
import { writeAuditEntry } from '../audit/audit';
import type { AuditActor } from '../audit/audit';
import { isUniqueViolation } from '../db/errors';
import { upsertCustomers } from '../customers/customer-upsert';
import { ApiError } from '../http/api-error';
import { findReplay, idempotencyRows, requestFingerprint } from '../orders/idempotency';
import { readCatalogue } from '../orders/priced-order';
import { appendOutboxEvents } from '../outbox/outbox';
import { insertTables } from '../db/bulk-insert';
import { resolveShipToLocation } from '../sourcing/ship-to-location';
import { todayOf } from './renewal-context';
import type { RenewalContext } from './renewal-context';
import { anchorFor, firstOnOrAfter, laterOf, rhythmDate } from './subscription-calendar';
import type { SubscriptionInput } from './subscription-contracts';
import { earliestOpenDate, leadDays } from './subscription-schedule';
import { appendSubscriptionEvents, loadPlans } from './subscription-store';
import { subscriptionSnapshot } from './subscription-snapshot';

export interface CreateCommand {
  channelCode: string;
  input: SubscriptionInput;
  idempotencyKey: string;
  actor: string;
  /** Who the audit log names as the creator (the request's caller). */
  auditActor: AuditActor;
}

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `SUB-` and 8 characters people can read out on the phone (no 0/O, 1/I). */
export function newSubscriptionReference(): string {
  const bytes = randomBytes(8);
  return `SUB-${[...bytes].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('')}`;
}

const scopeOf = (channelCode: string) => `subscriptions:${channelCode}`;

export async function createSubscription(
  ctx: RenewalContext,
  command: CreateCommand,
): Promise<{ id: string; replayed: boolean }> {
  const { db } = ctx;
  const { input, channelCode } = command;
  const fingerprint = requestFingerprint(input);
  const replay = await findReplay(db, scopeOf(channelCode), command.idempotencyKey, fingerprint);
  if (replay) return { id: (replay.body as { id: string }).id, replayed: true };

  const planRow = await db
    .selectFrom('subscription_plans')
    .select(['id', 'active'])
    .where('code', '=', input.planCode)
    .executeTakeFirst();
  if (!planRow?.active)
    throw new ApiError(
      422,
      'unknown_plan',
      `No active plan has code "${input.planCode}".`,
      'planCode',
    );
  const plan = (await loadPlans(db, [planRow.id])).get(planRow.id)!;
  const located = resolveShipToLocation(input.shipTo);
  if (!located.ok) throw new ApiError(422, located.code, located.message, 'shipTo.country');
  if (!ctx.providers[input.payment.provider])
    throw new ApiError(
      422,
      'payment_provider_not_configured',
      `Payments through ${input.payment.provider} are not configured.`,
      'payment.provider',
    );
  const catalogue = new Map(
    (
      await readCatalogue(
        db,
        input.currency,
        input.lines.map((l) => l.sku),
      )
    ).map((r) => [r.sku, r]),
  );
  const lines = input.lines.map((line, i) => {
    if (!plan.rules.skus.includes(line.sku))
      throw new ApiError(
        422,
        'not_in_plan',
        `SKU "${line.sku}" is not one of plan ${plan.row.code}'s products.`,
        `lines[${i}].sku`,
      );
    const price = line.unitPriceMinor ?? catalogue.get(line.sku)?.unit_price_minor ?? null;
    if (price === null)
      throw new ApiError(
        422,
        'no_price',
        `SKU "${line.sku}" has no ${input.currency} price; send unitPriceMinor.`,
        `lines[${i}].unitPriceMinor`,
      );
    return { lineNo: i + 1, sku: line.sku, quantity: line.quantity, price };
  });

  const today = todayOf(ctx);
  const lead = leadDays(plan.rules, ctx.settings.reserveAheadDays);
  const openFrom = earliestOpenDate(today, lead);
  const rhythm = plan.rules.rhythm;
  if (input.firstRenewalDate !== undefined && input.firstRenewalDate < openFrom)
    throw new ApiError(
      422,
      'date_before_cutoff',
      `The first renewal can be on ${openFrom} or later.`,
      'firstRenewalDate',
    );
  const anchor = anchorFor(input.firstRenewalDate ?? rhythmDate(today, rhythm, 1), rhythm);
  const first = input.firstRenewalDate ?? firstOnOrAfter(anchor, rhythm, laterOf(anchor, openFrom));
  const prepaidRemaining =
    plan.row.billing === 'prepaid'
      ? (input.prepaidDeliveriesRemaining ?? plan.row.prepaid_deliveries - 1)
      : 0;

  const id = randomUUID();
  const reference = newSubscriptionReference();
  try {
    await db.transaction().execute(async (trx) => {
      const [customer] = await upsertCustomers(trx, [input.customer]);
      const name =
        input.customer.type === 'person' ? input.customer.name : input.customer.buyer.name;
      await trx
        .insertInto('subscriptions')
        .values({
          id,
          reference,
          channel_code: channelCode,
          external_ref: input.externalRef ?? null,
          plan_id: plan.row.id,
          customer_id: customer!.customerId,
          customer: JSON.stringify(input.customer),
          email: customer!.email,
          locale: input.customer.locale ?? customer!.locale,
          currency: input.currency,
          ship_to: JSON.stringify(input.shipTo),
          payment: JSON.stringify(input.payment),
          state: 'active',
          anchor_date: anchor,
          next_renewal_date: first,
          prepaid_remaining: prepaidRemaining,
        })
        .execute();
      await trx
        .insertInto('subscription_lines')
        .values(
          lines.map((l) => ({
            subscription_id: id,
            line_no: l.lineNo,
            sku: l.sku,
            quantity: l.quantity,
            signup_unit_price_minor: l.price,
          })),
        )
        .execute();
      await appendSubscriptionEvents(trx, [
        {
          subscriptionId: id,
          type: 'created',
          actor: command.actor,
          detail: { plan: plan.row.code, firstRenewalDate: first, customerName: name },
        },
      ]);
      await appendOutboxEvents(trx, [
        {
          type: 'subscription.created',
          aggregateType: 'subscription',
          aggregateId: id,
          payload: { subscriptionId: id, reference, issuedOn: today, firstRenewalDate: first },
        },
      ]);
      await writeAuditEntry(trx, command.auditActor, {
        objectType: 'subscription',
        objectId: id,
        action: 'created',
        before: null,
        after: await subscriptionSnapshot(trx, id),
      });
      await insertTables(trx, [
        idempotencyRows([
          {
            scope: scopeOf(channelCode),
            key: command.idempotencyKey,
            fingerprint,
            response: { statusCode: 201, body: { id } },
          },
        ]),
      ]);
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const stored = await findReplay(db, scopeOf(channelCode), command.idempotencyKey, fingerprint);
    if (stored) return { id: (stored.body as { id: string }).id, replayed: true };
    throw new ApiError(
      409,
      'duplicate_subscription',
      `Channel ${channelCode} already sent subscription "${input.externalRef}".`,
      'externalRef',
    );
  }
  return { id, replayed: false };
}
