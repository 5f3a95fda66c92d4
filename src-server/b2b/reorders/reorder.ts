// Re-ordering a past B2B order in one step: the same SKUs and quantities, at today's prices (the
// company's contract price, else the catalogue's, applied by the intake), through the same intake
// as every order. Lines no longer sold — the product is gone or has no price in the order's
// currency — are left out and named in the answer; with nothing left, nothing is placed.
import type { Kysely } from 'kysely';
import type { CanonicalOrder } from '../../../shared/orders/order-schema';
import type { Database, PostalAddress } from '../../db/schema';
import { ApiError, notFound } from '../../http/api-error';
import type { OrderIntake } from '../../orders/intake-queue';
import { holdForApprovalAndCredit } from '../credit/order-holds';
import { priceListsOfCompanies } from '../price-lists/contract-prices';
import { contractPrice } from '../price-lists/price-breaks';
import { today } from '../quotes/quotes';
import { emailLocale } from '../../notifications/email/email-layout';

export interface Reorder {
  orderId: string;
  channelOrderRef: string;
  totalMinor: number;
  notSold: { sku: string; quantity: number; reason: 'unknown_product' | 'no_price' }[];
}

export async function reorder(
  db: Kysely<Database>,
  intake: OrderIntake,
  command: {
    orderId: string;
    idempotencyKey: string;
    actor: string;
    poNumber?: string | undefined;
  },
): Promise<Reorder> {
  const past = await db
    .selectFrom('orders as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .leftJoin('customer_buyers as b', 'b.id', 'o.buyer_id')
    .select([
      'o.id',
      'o.channel_code',
      'o.currency',
      'o.ship_to',
      'o.bill_to',
      'o.customer_id',
      'o.buyer_id',
      'c.kind',
      'c.name as company',
      'c.vat_number',
      'c.locale',
      'b.name as buyerName',
      'b.email as buyerEmail',
    ])
    .where('o.id', '=', command.orderId)
    .executeTakeFirst();
  if (!past) throw notFound(`Order ${command.orderId}`);
  if (past.kind !== 'company' || past.buyerEmail === null || past.buyerName === null)
    throw new ApiError(422, 'not_b2b', 'Only a company order can be re-ordered here.', 'orderId');
  const lines = await db
    .selectFrom('order_lines')
    .select(['sku', 'quantity'])
    .where('order_id', '=', past.id)
    .orderBy('line_no')
    .execute();
  const skus = [...new Set(lines.map((l) => l.sku))];
  const priced = await db
    .selectFrom('products as p')
    .leftJoin('product_prices as pp', (j) =>
      j.onRef('pp.sku', '=', 'p.sku').on('pp.currency', '=', past.currency),
    )
    .select(['p.sku', 'pp.unit_price_minor'])
    .where('p.sku', 'in', skus)
    .execute();
  const catalogue = new Map(priced.map((p) => [p.sku, p.unit_price_minor]));
  const contract = (await priceListsOfCompanies(db, [past.company])).get(
    past.company.toLowerCase(),
  );
  const notSold: Reorder['notSold'] = [];
  const kept = lines.filter((line) => {
    if (!catalogue.has(line.sku)) {
      notSold.push({ ...line, reason: 'unknown_product' });
      return false;
    }
    const listed =
      contract && contract.list.currency === past.currency
        ? contractPrice(contract.list, contract.breaks, line.sku, line.quantity, today())
        : null;
    if (listed === null && catalogue.get(line.sku) === null) {
      notSold.push({ ...line, reason: 'no_price' });
      return false;
    }
    return true;
  });
  if (kept.length === 0)
    throw new ApiError(
      422,
      'nothing_sold',
      'None of the order’s products is sold any more.',
      'orderId',
    );
  const account = await db
    .selectFrom('b2b_companies')
    .select(['customer_id', 'po_required', 'credit_limit_minor'])
    .where('customer_id', '=', past.customer_id!)
    .executeTakeFirst();
  if (account?.po_required && command.poNumber === undefined)
    throw new ApiError(422, 'po_required', `${past.company} orders need a PO number.`, 'poNumber');
  const channelOrderRef = `RE-${command.idempotencyKey}`.slice(0, 64);
  const order = {
    channelOrderRef,
    currency: past.currency,
    ...(command.poNumber !== undefined ? { poNumber: command.poNumber } : {}),
    customer: {
      type: 'company',
      companyName: past.company,
      ...(past.vat_number !== null ? { vatNumber: past.vat_number } : {}),
      buyer: { name: past.buyerName, email: past.buyerEmail },
      locale: emailLocale(past.locale),
    },
    shipTo: past.ship_to as PostalAddress,
    ...(past.bill_to ? { billTo: past.bill_to } : {}),
    lines: kept.map((l) => ({ sku: l.sku, quantity: l.quantity })),
  } as CanonicalOrder;
  const placed = await intake.place({
    channelCode: past.channel_code,
    order,
    idempotencyKey: `reorder:${command.idempotencyKey}`,
    actor: command.actor,
  });
  // The first placement (not a replay) holds an order over the buyer's limit or the credit.
  if (account && !placed.replayed) {
    const buyer = await db
      .selectFrom('b2b_buyers')
      .select(['id', 'order_limit_minor'])
      .where('id', '=', past.buyer_id!)
      .executeTakeFirst();
    await holdForApprovalAndCredit(db, {
      orderId: placed.body.orderId,
      companyId: account.customer_id,
      buyerId: buyer?.id ?? null,
      buyerLimitMinor: buyer?.order_limit_minor ?? null,
      creditLimitMinor: account.credit_limit_minor,
      totalMinor: placed.body.totalMinor,
      actor: command.actor,
    });
  }
  return {
    orderId: placed.body.orderId,
    channelOrderRef,
    totalMinor: placed.body.totalMinor,
    notSold,
  };
}
