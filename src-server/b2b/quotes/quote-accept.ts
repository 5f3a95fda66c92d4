// Accepting a quote (the buyer by link or API, or a rep with the buyer's PO) turns it into an
// order through the same intake as every channel, exactly once: the quote is marked accepted
// (PO claimed) in one transaction, then placed with the quote's number as the channel order
// reference and `quote:<id>` as the Idempotency-Key, so retries and concurrent clicks get the one
// order. Only the request that links the order to the quote applies the approval and credit holds.
import type { Kysely } from 'kysely';
import { ppmToPercent } from '../../../shared/orders/order-money-schema';
import type { CanonicalOrder } from '../../../shared/orders/order-schema';
import type { Database } from '../../db/schema';
import { ApiError } from '../../http/api-error';
import type { OrderIntake } from '../../orders/intake-queue';
import { appendOutboxEvents } from '../../outbox/outbox';
import type { VatSettings } from '../../tax/vat-settings';
import { quoteVatContext, taxClassesOf, vatChange } from '../b2b-vat';
import { holdForApprovalAndCredit } from '../credit/order-holds';
import { quoteTotals } from './quote-money';
import { lockQuote, today } from './quotes';
import { emailLocale } from '../../notifications/email/email-layout';

export const B2B_CHANNEL = 'b2b';

export interface Acceptance {
  quoteId: string;
  poNumber: string | undefined;
  actor: string;
}

export interface Accepted {
  orderId: string;
  status: string;
  holds: string[];
}

async function markAccepted(
  db: Kysely<Database>,
  { quoteId, poNumber, actor }: Acceptance,
  vatSettings: VatSettings,
) {
  return db.transaction().execute(async (trx) => {
    // Made on first use, not by the migration: a migration's row would make a new database look
    // seeded to the demo seed (it seeds only an empty database).
    await trx
      .insertInto('channels')
      .values({ code: B2B_CHANNEL, name: 'B2B quotes', kind: 'b2b_portal' })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const { quote, version } = await lockQuote(trx, quoteId);
    const company = await trx
      .selectFrom('b2b_companies')
      .selectAll()
      .where('customer_id', '=', quote.company_id)
      .executeTakeFirstOrThrow();
    // The VAT as the engine decides it today, on the company as it is now.
    const context = await quoteVatContext(trx, company, vatSettings, today());
    const taxClasses = await taxClassesOf(
      trx,
      version.lines.map((l) => l.sku),
    );
    const totals = quoteTotals(version.lines, version.shipping_minor, { ...context, taxClasses });
    if (quote.status === 'accepted') {
      if (poNumber !== undefined && poNumber !== quote.po_number)
        throw new ApiError(
          409,
          'quote_accepted',
          `Quote ${quote.number} was accepted with PO ${quote.po_number ?? '(none)'}.`,
          'poNumber',
        );
      return { quote, version, company, totals };
    }
    if (quote.status !== 'sent')
      throw new ApiError(
        409,
        `quote_${quote.status}`,
        `Quote ${quote.number} is ${quote.status}; only a sent quote can be accepted.`,
        'status',
      );
    if (version.valid_until < today())
      throw new ApiError(
        409,
        'quote_expired',
        `Quote ${quote.number} was valid until ${version.valid_until}.`,
        'status',
      );
    const changed = vatChange(
      { basis: version.vat_basis, vat: version.vat },
      { basis: context.basis, vat: totals.vat },
      version.currency,
    );
    if (changed !== null)
      throw new ApiError(
        409,
        'quote_vat_changed',
        `The VAT of quote ${quote.number} is no longer what was quoted: ${changed}. Revise the quote and send it again.`,
        'vat',
      );
    if (company.po_required && poNumber === undefined)
      throw new ApiError(
        422,
        'po_required',
        `${company.legal_name} orders need a PO number.`,
        'poNumber',
      );
    if (company.po_unique && poNumber !== undefined) {
      await trx
        .insertInto('b2b_po_numbers')
        .values({ company_id: company.customer_id, po_number: poNumber, quote_id: quoteId })
        .onConflict((oc) => oc.columns(['company_id', 'po_number']).doNothing())
        .execute();
      const claim = await trx
        .selectFrom('b2b_po_numbers')
        .select('quote_id')
        .where('company_id', '=', company.customer_id)
        .where('po_number', '=', poNumber)
        .executeTakeFirstOrThrow();
      if (claim.quote_id !== quoteId)
        throw new ApiError(
          409,
          'po_number_used',
          `PO ${poNumber} is already used by another order of ${company.legal_name}.`,
          'poNumber',
        );
    }
    await trx
      .updateTable('b2b_quotes')
      .set({
        status: 'accepted',
        po_number: poNumber ?? null,
        accepted_by: actor,
        updated_at: new Date(),
      })
      .where('id', '=', quoteId)
      .execute();
    await appendOutboxEvents(trx, [
      {
        type: 'quote.accepted',
        aggregateType: 'quote',
        aggregateId: quoteId,
        payload: {
          quoteId,
          number: quote.number,
          version: version.version,
          poNumber: poNumber ?? null,
        },
      },
    ]);
    return { quote: { ...quote, po_number: poNumber ?? null }, version, company, totals };
  });
}

export async function acceptQuote(
  db: Kysely<Database>,
  intake: OrderIntake,
  acceptance: Acceptance,
  vatSettings: VatSettings,
): Promise<Accepted> {
  const { quote, version, company, totals } = await markAccepted(db, acceptance, vatSettings);
  const { decision } = totals;
  const buyer = await db
    .selectFrom('b2b_buyers as b')
    .innerJoin('customer_buyers as cb', 'cb.id', 'b.id')
    .select(['b.id', 'cb.name', 'cb.email', 'b.order_limit_minor'])
    .where('b.company_id', '=', company.customer_id)
    .$if(quote.buyer_id !== null, (q) => q.where('b.id', '=', quote.buyer_id!))
    .orderBy('cb.email')
    .executeTakeFirst();
  if (!buyer)
    throw new ApiError(
      422,
      'no_buyer',
      `${company.legal_name} has no buyer to place the order for.`,
      'buyerId',
    );
  const order: CanonicalOrder = {
    channelOrderRef: quote.number,
    currency: version.currency as CanonicalOrder['currency'],
    ...(quote.po_number !== null ? { poNumber: quote.po_number } : {}),
    customer: {
      type: 'company',
      companyName: company.legal_name,
      ...(company.vat_number !== null ? { vatNumber: company.vat_number } : {}),
      buyer: { name: buyer.name, email: buyer.email },
      locale: emailLocale(company.locale),
    },
    shipTo: company.shipping_address,
    billTo: company.billing_address,
    // The engine's tax per part, as quoted (a difference was refused above).
    lines: version.lines.map((line, i) => ({
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      ...(line.discountMinor > 0 ? { discountMinor: line.discountMinor } : {}),
      taxMinor: decision.lines[i]!.taxMinor,
      taxRatePercent: ppmToPercent(decision.lines[i]!.ratePpm),
    })),
    shippingChargedMinor: version.shipping_minor,
    shippingTaxMinor: decision.shipping.taxMinor,
    shippingTaxRatePercent: ppmToPercent(decision.shipping.ratePpm),
    // The intake refuses the order (422) unless it comes to exactly the quoted total.
    grandTotalMinor: version.total_minor,
  } as CanonicalOrder;
  const placed = await intake.place({
    channelCode: B2B_CHANNEL,
    order,
    idempotencyKey: `quote:${quote.id}`,
    actor: acceptance.actor,
  });
  const orderId = placed.body.orderId;
  const linked = await db
    .updateTable('b2b_quotes')
    .set({ order_id: orderId, updated_at: new Date() })
    .where('id', '=', quote.id)
    .where('order_id', 'is', null)
    .returning('id')
    .executeTakeFirst();
  const holds = linked
    ? await holdForApprovalAndCredit(db, {
        orderId,
        companyId: company.customer_id,
        buyerId: buyer.id,
        buyerLimitMinor: buyer.order_limit_minor,
        creditLimitMinor: company.credit_limit_minor,
        totalMinor: placed.body.totalMinor,
        actor: acceptance.actor,
      })
    : [];
  const status = await db
    .selectFrom('orders')
    .select('status')
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  return { orderId, status: status.status, holds };
}
