// Quotes: drafted from a request (or from scratch), revised, sent. Versions are kept; a sent
// version is never updated — revising a sent quote writes the next version as a draft.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { ApiError, notFound } from '../../http/api-error';
import { appendOutboxEvents } from '../../outbox/outbox';
import type { VatSettings } from '../../tax/vat-settings';
import type { QuoteLine } from '../b2b-schema';
import { quoteVatContext, taxClassesOf } from '../b2b-vat';
import { quoteTotals } from './quote-money';
import { quoteAcceptToken } from './quote-links';
import { priceQuoteLines } from './quote-pricing';
import type { LineToPrice, QuoteCompany } from './quote-pricing';
import { CsvRowError, parseRequestCsv } from './quote-schemas';
import type { NewQuote, QuoteRevision, QuoteView } from './quote-schemas';

type Trx = Transaction<Database>;

export const today = (now = new Date()) => now.toISOString().slice(0, 10);
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

async function companyOf(trx: Trx, companyId: string): Promise<QuoteCompany> {
  const company = await trx
    .selectFrom('b2b_companies')
    .select([
      'customer_id',
      'legal_name',
      'currency',
      'vat_number',
      'billing_address',
      'shipping_address',
    ])
    .where('customer_id', '=', companyId)
    .executeTakeFirst();
  if (!company) throw new ApiError(422, 'unknown_company', 'No such company.', 'companyId');
  return company;
}

async function writeVersion(
  trx: Trx,
  quoteId: string,
  version: number,
  company: QuoteCompany,
  lines: QuoteLine[],
  fields: { shippingMinor: number; validUntil: string; notes: string | null },
  vatSettings: VatSettings,
) {
  const { basis, oss } = await quoteVatContext(trx, company, vatSettings, today());
  const taxClasses = await taxClassesOf(
    trx,
    lines.map((l) => l.sku),
  );
  const totals = quoteTotals(lines, fields.shippingMinor, { basis, oss, taxClasses });
  const row = {
    currency: company.currency,
    lines: JSON.stringify(lines),
    shipping_minor: fields.shippingMinor,
    net_minor: totals.netMinor,
    tax_minor: totals.taxMinor,
    total_minor: totals.totalMinor,
    vat: JSON.stringify(totals.vat),
    vat_basis: JSON.stringify(basis),
    valid_until: fields.validUntil,
    notes: fields.notes,
  };
  await trx
    .insertInto('b2b_quote_versions')
    .values({ quote_id: quoteId, version, ...row })
    .onConflict((oc) =>
      oc
        .columns(['quote_id', 'version'])
        .doUpdateSet(row)
        .where('b2b_quote_versions.sent_at', 'is', null),
    )
    .execute();
}

export async function createQuote(
  trx: Trx,
  input: NewQuote,
  actor: string,
  vatSettings: VatSettings,
): Promise<string> {
  const company = await companyOf(trx, input.companyId);
  if (input.buyerId !== undefined) {
    const buyer = await trx
      .selectFrom('b2b_buyers')
      .select('id')
      .where('id', '=', input.buyerId)
      .where('company_id', '=', input.companyId)
      .executeTakeFirst();
    if (!buyer)
      throw new ApiError(422, 'unknown_buyer', 'No such buyer of this company.', 'buyerId');
  }
  let requested: LineToPrice[];
  try {
    requested = input.lines ?? parseRequestCsv(input.csv!);
  } catch (error) {
    if (error instanceof CsvRowError) throw new ApiError(422, 'bad_csv', error.message, 'csv');
    throw error;
  }
  const lines = await priceQuoteLines(trx, company, requested, today());
  const id = randomUUID();
  await trx
    .insertInto('b2b_quotes')
    .values({
      id,
      number: `Q-${randomBytes(5).toString('hex').toUpperCase()}`,
      company_id: input.companyId,
      buyer_id: input.buyerId ?? null,
      request: JSON.stringify({
        lines: requested,
        requestedDate: input.requestedDate ?? null,
        notes: input.notes ?? null,
      }),
      status: 'draft',
      current_version: 1,
      created_by: actor,
    })
    .execute();
  await writeVersion(
    trx,
    id,
    1,
    company,
    lines,
    {
      shippingMinor: input.shippingMinor,
      validUntil: input.validUntil,
      notes: input.notes ?? null,
    },
    vatSettings,
  );
  return id;
}

export async function lockQuote(trx: Trx, quoteId: string) {
  const quote = await trx
    .selectFrom('b2b_quotes')
    .selectAll()
    .where('id', '=', quoteId)
    .forUpdate()
    .executeTakeFirst();
  if (!quote) throw notFound(`Quote ${quoteId}`);
  const version = await trx
    .selectFrom('b2b_quote_versions')
    .selectAll()
    .where('quote_id', '=', quoteId)
    .where('version', '=', quote.current_version)
    .executeTakeFirstOrThrow();
  return { quote, version };
}

/** Changes the draft; a sent quote gets a new draft version (the sent one stays as it was). */
export async function reviseQuote(
  trx: Trx,
  quoteId: string,
  change: QuoteRevision,
  vatSettings: VatSettings,
) {
  const { quote, version } = await lockQuote(trx, quoteId);
  if (quote.status === 'accepted' || quote.status === 'expired')
    throw new ApiError(
      409,
      `quote_${quote.status}`,
      `Quote ${quote.number} is ${quote.status}.`,
      'status',
    );
  const company = await companyOf(trx, quote.company_id);
  const lines = change.lines
    ? await priceQuoteLines(trx, company, change.lines, today())
    : version.lines;
  const next = version.sent_at === null ? version.version : version.version + 1;
  await writeVersion(
    trx,
    quoteId,
    next,
    company,
    lines,
    {
      shippingMinor: change.shippingMinor ?? version.shipping_minor,
      validUntil: change.validUntil ?? version.valid_until,
      notes: change.notes ?? version.notes,
    },
    vatSettings,
  );
  await trx
    .updateTable('b2b_quotes')
    .set({
      status: 'draft',
      current_version: next,
      accept_token_hash: null,
      updated_at: new Date(),
    })
    .where('id', '=', quoteId)
    .execute();
}

/** Freezes the current version and gives the buyer's accept link token (stored as a hash). */
export async function sendQuote(
  trx: Trx,
  quoteId: string,
  linkSecret: string,
  now = new Date(),
): Promise<string> {
  const { quote, version } = await lockQuote(trx, quoteId);
  if (quote.status !== 'draft')
    throw new ApiError(
      409,
      `quote_${quote.status}`,
      `Quote ${quote.number} is ${quote.status}, not a draft.`,
      'status',
    );
  if (version.valid_until < today(now))
    throw new ApiError(
      422,
      'validity_past',
      `The quote's validity ended on ${version.valid_until}.`,
      'validUntil',
    );
  const token = quoteAcceptToken(linkSecret, {
    id: quoteId,
    version: version.version,
    validUntil: version.valid_until,
  });
  await trx
    .updateTable('b2b_quote_versions')
    .set({ sent_at: now })
    .where('quote_id', '=', quoteId)
    .where('version', '=', version.version)
    .execute();
  await trx
    .updateTable('b2b_quotes')
    .set({ status: 'sent', accept_token_hash: tokenHash(token), updated_at: now })
    .where('id', '=', quoteId)
    .execute();
  await appendOutboxEvents(trx, [
    {
      type: 'quote.sent',
      aggregateType: 'quote',
      aggregateId: quoteId,
      payload: {
        quoteId,
        number: quote.number,
        version: version.version,
        validUntil: version.valid_until,
      },
    },
  ]);
  return token;
}

export async function getQuoteView(
  db: Kysely<Database>,
  quoteId: string,
): Promise<QuoteView | null> {
  const quote = await db
    .selectFrom('b2b_quotes')
    .selectAll()
    .where('id', '=', quoteId)
    .executeTakeFirst();
  if (!quote) return null;
  const versions = await db
    .selectFrom('b2b_quote_versions')
    .selectAll()
    .where('quote_id', '=', quoteId)
    .orderBy('version')
    .execute();
  return {
    id: quote.id,
    number: quote.number,
    companyId: quote.company_id,
    buyerId: quote.buyer_id,
    status: quote.status,
    currentVersion: quote.current_version,
    poNumber: quote.po_number,
    orderId: quote.order_id,
    versions: versions.map((v) => ({
      version: v.version,
      currency: v.currency,
      lines: v.lines,
      shippingMinor: v.shipping_minor,
      netMinor: v.net_minor,
      taxMinor: v.tax_minor,
      totalMinor: v.total_minor,
      vat: v.vat,
      validUntil: v.valid_until,
      notes: v.notes,
      sentAt: v.sent_at ? new Date(v.sent_at).toISOString() : null,
    })),
  };
}
