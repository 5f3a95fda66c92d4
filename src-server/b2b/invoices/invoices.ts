// Issuing a B2B invoice for one shipment (fulfillment order): its lines at the order's prices
// (discounts shared out by quantity), the order's shipping on the order's first invoice, VAT by
// the VAT engine under the order's VAT scheme on the date of supply (b2b-vat.ts), the due date by
// the company's payment terms, and the next number of the legal entity's year — taken in this
// same transaction, so numbers have no gaps. The invoice goes on the company's ledger, where the
// credit check reads it. A shipment confirmed for a company's order is invoiced in the
// confirmation's own transaction (invoiceConfirmedShipment), so it is invoiced exactly once; the
// `invoice.issued` outbox event is written with it (the e-mail with PDF and UBL, webhooks).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { ApiError, notFound } from '../../http/api-error';
import type { InvoiceLine } from '../b2b-schema';
import { dueDate } from '../credit/credit';
import type { PaymentTerms } from '../credit/credit';
import { ppmToPercent } from '../../../shared/orders/order-money-schema';
import { DEFAULT_VAT_SETTINGS } from '../../tax/vat-settings';
import { decideB2bVat, ossPositionFor, taxClassesOf, vatLinesOf } from '../b2b-vat';
import { today } from '../quotes/quotes';
import { appendOutboxEvents } from '../../outbox/outbox';

export const LEGAL_ENTITY = 'NL01';

/** The next number of the entity's year, locked until the caller's transaction ends. */
export async function nextInvoiceSeq(trx: Transaction<Database>, entity: string, year: number) {
  const { rows } = await sql<{ last_number: number }>`
    insert into b2b_invoice_counters (legal_entity, year, last_number) values (${entity}, ${year}, 1)
    on conflict (legal_entity, year) do update set last_number = b2b_invoice_counters.last_number + 1
    returning last_number`.execute(trx);
  return rows[0]!.last_number;
}

export const invoiceNumber = (entity: string, year: number, seq: number) =>
  `${entity}-${year}-${String(seq).padStart(6, '0')}`;

/** A line's share of its discount for `quantity` of its units, floored to the cent. */
export function shareOfDiscount(discountMinor: number, quantity: number, lineQuantity: number) {
  return Math.floor((discountMinor * quantity) / lineQuantity);
}

/** Issues the shipment's invoice from a back-office request; a second issue is a 409. */
export async function issueInvoice(
  db: Kysely<Database>,
  fulfillmentId: string,
  now = new Date(),
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const issued = await invoiceShipment(trx, fulfillmentId, now);
    if (!issued.created)
      throw new ApiError(
        409,
        'already_invoiced',
        `Shipment already on invoice ${issued.number}.`,
        'fulfillmentId',
      );
    return issued.id;
  });
}

/**
 * In the shipment confirmation's transaction: invoices the shipment when its order is a company
 * account's; does nothing for other orders. A retried confirmation finds the invoice there.
 */
export async function invoiceConfirmedShipment(
  trx: Transaction<Database>,
  fulfillmentId: string,
  now = new Date(),
): Promise<void> {
  const company = await trx
    .selectFrom('fulfillment_orders as f')
    .innerJoin('orders as o', 'o.id', 'f.order_id')
    .innerJoin('b2b_companies as c', 'c.customer_id', 'o.customer_id')
    .select('c.customer_id')
    .where('f.id', '=', fulfillmentId)
    .executeTakeFirst();
  if (company) await invoiceShipment(trx, fulfillmentId, now);
}

interface Issued {
  id: string;
  number: string;
  /** False: the shipment was on this invoice already. */
  created: boolean;
}

async function invoiceShipment(
  trx: Transaction<Database>,
  fulfillmentId: string,
  now: Date,
): Promise<Issued> {
  const f = await trx
    .selectFrom('fulfillment_orders as f')
    .innerJoin('orders as o', 'o.id', 'f.order_id')
    .select([
      'f.id',
      'f.order_id',
      'o.customer_id',
      'o.currency',
      'o.po_number',
      'o.shipping_charged_minor',
      'o.shipping_discount_minor',
      'o.ship_to',
      'o.bill_to',
      'o.vat',
      'o.vat_scheme',
    ])
    .where('f.id', '=', fulfillmentId)
    // Two issues of one shipment queue here; the second then finds the first invoice.
    .forUpdate()
    .executeTakeFirst();
  if (!f) throw notFound(`Fulfillment ${fulfillmentId}`);
  const company = await trx
    .selectFrom('b2b_companies')
    .selectAll()
    .where('customer_id', '=', f.customer_id ?? '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst();
  if (!company)
    throw new ApiError(422, 'not_b2b', 'The order is not from a company account.', 'fulfillmentId');
  const already = await trx
    .selectFrom('b2b_invoices')
    .select(['id', 'number'])
    .where('fulfillment_id', '=', fulfillmentId)
    .executeTakeFirst();
  if (already) return { ...already, created: false };
  const rows = await trx
    .selectFrom('fulfillment_lines as fl')
    .innerJoin('order_lines as ol', 'ol.id', 'fl.order_line_id')
    .select([
      'ol.sku',
      'ol.name',
      'ol.quantity as lineQuantity',
      'ol.unit_price_minor',
      'ol.discount_minor',
      'fl.quantity',
    ])
    .where('fl.fulfillment_id', '=', fulfillmentId)
    .orderBy('ol.line_no')
    .execute();
  const bySku = new Map<string, InvoiceLine>();
  for (const r of rows) {
    const net =
      r.unit_price_minor * r.quantity -
      shareOfDiscount(r.discount_minor, r.quantity, r.lineQuantity);
    const seen = bySku.get(r.sku);
    if (seen) {
      seen.quantity += r.quantity;
      seen.netMinor += net;
    } else
      bySku.set(r.sku, {
        sku: r.sku,
        name: r.name,
        quantity: r.quantity,
        unitPriceMinor: r.unit_price_minor,
        netMinor: net,
      });
  }
  const lines = [...bySku.values()];
  const first = await trx
    .selectFrom('b2b_invoices')
    .select('id')
    .where('order_id', '=', f.order_id)
    .executeTakeFirst();
  const shipping = first ? 0 : f.shipping_charged_minor - f.shipping_discount_minor;
  const issuedOn = today(now);
  const taxClasses = await taxClassesOf(
    trx,
    lines.map((l) => l.sku),
  );
  // Under the scheme the order was placed under, at the rates of the date of supply.
  const decision = decideB2bVat({
    basis: {
      originCountry: f.vat?.originCountry ?? DEFAULT_VAT_SETTINGS.originCountry,
      shipToCountry: f.ship_to.country,
      billToCountry: (f.bill_to ?? company.billing_address).country,
      vatNumber: company.vat_number,
      supplyDate: issuedOn,
    },
    oss: ossPositionFor(f.vat_scheme),
    lines: lines.map((l) => ({
      amountMinor: l.netMinor,
      taxClass: taxClasses.get(l.sku) ?? 'standard',
    })),
    shippingMinor: shipping,
  });
  lines.forEach((line, i) => {
    line.vatCategory = decision.lines[i]!.category;
    line.vatRatePercent = ppmToPercent(decision.lines[i]!.ratePpm);
  });
  if (shipping > 0)
    lines.push({
      sku: 'SHIPPING',
      name: 'Shipping',
      quantity: 1,
      unitPriceMinor: shipping,
      netMinor: shipping,
      vatCategory: decision.shipping.category,
      vatRatePercent: ppmToPercent(decision.shipping.ratePpm),
    });
  const netMinor = decision.netMinor;
  const vat = vatLinesOf(decision);
  const taxMinor = decision.taxMinor;
  const year = now.getUTCFullYear();
  const seq = await nextInvoiceSeq(trx, LEGAL_ENTITY, year);
  const kind = company.payment_terms_kind;
  const terms: PaymentTerms =
    kind === 'net' || kind === 'end_of_month'
      ? { kind, days: company.payment_terms_days }
      : { kind };
  const id = randomUUID();
  const number = invoiceNumber(LEGAL_ENTITY, year, seq);
  const dueOn = dueDate(terms, issuedOn);
  await trx
    .insertInto('b2b_invoices')
    .values({
      id,
      number,
      legal_entity: LEGAL_ENTITY,
      year,
      seq,
      company_id: company.customer_id,
      order_id: f.order_id,
      fulfillment_id: fulfillmentId,
      po_number: f.po_number,
      currency: f.currency,
      issued_on: issuedOn,
      due_on: dueOn,
      lines: JSON.stringify(lines),
      net_minor: netMinor,
      tax_minor: taxMinor,
      total_minor: netMinor + taxMinor,
      vat: JSON.stringify(vat),
    })
    .execute();
  if (netMinor + taxMinor > 0)
    await trx
      .insertInto('b2b_ledger')
      .values({
        id: randomUUID(),
        company_id: company.customer_id,
        kind: 'invoice',
        amount_minor: netMinor + taxMinor,
        reference: number,
        order_id: f.order_id,
        recorded_by: 'system:invoicing',
      })
      .execute();
  // Written with the invoice: the invoice e-mail and the `invoice.issued` webhooks follow it.
  await appendOutboxEvents(trx, [
    {
      type: 'invoice.issued',
      aggregateType: 'invoice',
      aggregateId: id,
      payload: {
        invoiceId: id,
        number,
        companyId: company.customer_id,
        companyName: company.legal_name,
        orderId: f.order_id,
        fulfillmentId,
        issuedOn,
        dueOn,
        currency: f.currency,
        netMinor,
        taxMinor,
        totalMinor: netMinor + taxMinor,
      },
    },
  ]);
  return { id, number, created: true };
}
