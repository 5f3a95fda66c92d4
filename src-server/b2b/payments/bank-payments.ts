// Imported bank payments matched to invoices. A statement is imported in one transaction: each
// payment is inserted once by its transaction key (a second import of the same file inserts
// nothing and so matches nothing again), then matched when its remittance text names an open
// invoice (the invoice number, with or without its dashes, as the invoice's PaymentID asks) in
// its currency and the amount is at most what is open on it. A matched payment marks the invoice
// paid or partly paid and goes on the company's ledger; the rest wait for finance to match them.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { ApiError, notFound } from '../../http/api-error';
import { appendOutboxEvents } from '../../outbox/outbox';
import { releaseCreditHolds } from '../credit/order-holds';
import { LEGAL_ENTITY } from '../invoices/invoices';
import type { BankPayment } from './bank-statement';

type Trx = Transaction<Database>;

/** Invoice numbers named in a remittance text: "NL01-2026-000012", "NL01 2026 000012", "NL012026000012". */
export function invoiceNumbersIn(remittance: string, entity = LEGAL_ENTITY): string[] {
  const pattern = new RegExp(`${entity}[\\s-]?(\\d{4})[\\s-]?(\\d{6})(?!\\d)`, 'gi');
  return [...new Set([...remittance.matchAll(pattern)].map((m) => `${entity}-${m[1]}-${m[2]}`))];
}

export interface UnmatchedPayment {
  id: string;
  bookedOn: string;
  amountMinor: number;
  currency: string;
  counterparty: string;
  remittance: string;
  note: string | null;
}

export interface ImportOutcome {
  imported: number;
  duplicates: number;
  matched: { transactionId: string; invoiceNumber: string; amountMinor: number }[];
  unmatched: UnmatchedPayment[];
}

/** Pays `amountMinor` on the locked invoice: its paid amount, the ledger, `invoice.paid` once paid. */
async function applyPayment(
  trx: Trx,
  invoice: {
    id: string;
    number: string;
    company_id: string;
    order_id: string;
    total_minor: number;
    credited_minor: number;
    paid_minor: number;
  },
  transactionId: string,
  amountMinor: number,
  actor: string,
) {
  const paid = invoice.paid_minor + amountMinor;
  await trx
    .updateTable('b2b_invoices')
    .set({ paid_minor: paid })
    .where('id', '=', invoice.id)
    .execute();
  await trx
    .updateTable('b2b_bank_transactions')
    .set({ invoice_id: invoice.id, matched_by: actor, note: null })
    .where('id', '=', transactionId)
    .execute();
  await trx
    .insertInto('b2b_ledger')
    .values({
      id: randomUUID(),
      company_id: invoice.company_id,
      kind: 'payment',
      amount_minor: amountMinor,
      reference: invoice.number,
      order_id: invoice.order_id,
      recorded_by: actor,
    })
    .execute();
  if (invoice.credited_minor + paid >= invoice.total_minor)
    await appendOutboxEvents(trx, [
      {
        type: 'invoice.paid',
        aggregateType: 'invoice',
        aggregateId: invoice.id,
        payload: {
          invoiceId: invoice.id,
          number: invoice.number,
          companyId: invoice.company_id,
          paidMinor: paid,
        },
      },
    ]);
}

const lockInvoice = (trx: Trx) =>
  trx
    .selectFrom('b2b_invoices')
    .select([
      'id',
      'number',
      'company_id',
      'order_id',
      'currency',
      'total_minor',
      'credited_minor',
      'paid_minor',
    ])
    .forUpdate();
const openOf = (i: { total_minor: number; credited_minor: number; paid_minor: number }) =>
  i.total_minor - i.credited_minor - i.paid_minor;

export async function importBankPayments(
  db: Kysely<Database>,
  file: { name: string; payments: readonly BankPayment[] },
  actor: string,
): Promise<ImportOutcome> {
  const outcome = await db.transaction().execute(async (trx) => {
    const result: ImportOutcome = { imported: 0, duplicates: 0, matched: [], unmatched: [] };
    const companies = new Set<string>();
    for (const p of file.payments) {
      const inserted = await trx
        .insertInto('b2b_bank_transactions')
        .values({
          id: randomUUID(),
          transaction_key: p.transactionKey,
          booked_on: p.bookedOn,
          amount_minor: p.amountMinor,
          currency: p.currency,
          counterparty: p.counterparty,
          remittance: p.remittance,
          import_file: file.name,
          imported_by: actor,
        })
        .onConflict((oc) => oc.column('transaction_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) {
        result.duplicates += 1;
        continue;
      }
      result.imported += 1;
      const numbers = invoiceNumbersIn(p.remittance);
      const candidates =
        numbers.length === 0 ? [] : await lockInvoice(trx).where('number', 'in', numbers).execute();
      const fitting = candidates.filter(
        (i) => i.currency === p.currency && openOf(i) >= p.amountMinor,
      );
      // An exact amount decides between two invoices named in one text.
      const invoice = fitting.find((i) => openOf(i) === p.amountMinor) ?? fitting[0];
      if (invoice) {
        await applyPayment(trx, invoice, inserted.id, p.amountMinor, 'system:bank-import');
        companies.add(invoice.company_id);
        result.matched.push({
          transactionId: inserted.id,
          invoiceNumber: invoice.number,
          amountMinor: p.amountMinor,
        });
        continue;
      }
      const note =
        numbers.length === 0
          ? 'no invoice number in the remittance text'
          : candidates.length === 0
            ? `no invoice ${numbers.join(', ')}`
            : `more than is open on ${numbers.join(', ')}, or another currency`;
      await trx
        .updateTable('b2b_bank_transactions')
        .set({ note })
        .where('id', '=', inserted.id)
        .execute();
      result.unmatched.push({
        id: inserted.id,
        bookedOn: p.bookedOn,
        amountMinor: p.amountMinor,
        currency: p.currency,
        counterparty: p.counterparty,
        remittance: p.remittance,
        note,
      });
    }
    return { result, companies };
  });
  for (const companyId of outcome.companies) await releaseCreditHolds(db, companyId, actor);
  return outcome.result;
}

/** Finance matches an unmatched payment to an invoice by hand. */
export async function matchBankPayment(
  db: Kysely<Database>,
  transactionId: string,
  invoiceId: string,
  actor: string,
): Promise<{ invoiceNumber: string; openMinor: number }> {
  const done = await db.transaction().execute(async (trx) => {
    const tx = await trx
      .selectFrom('b2b_bank_transactions')
      .selectAll()
      .where('id', '=', transactionId)
      .forUpdate()
      .executeTakeFirst();
    if (!tx) throw notFound(`Bank transaction ${transactionId}`);
    if (tx.invoice_id !== null)
      throw new ApiError(
        409,
        'already_matched',
        'This payment is matched to an invoice already.',
        'transactionId',
      );
    const invoice = await lockInvoice(trx).where('id', '=', invoiceId).executeTakeFirst();
    if (!invoice) throw notFound(`Invoice ${invoiceId}`);
    if (invoice.currency !== tx.currency)
      throw new ApiError(
        409,
        'currency_mismatch',
        `The payment is in ${tx.currency}, invoice ${invoice.number} in ${invoice.currency}.`,
        'invoiceId',
      );
    if (tx.amount_minor > openOf(invoice))
      throw new ApiError(
        409,
        'more_than_open',
        `The payment (${tx.amount_minor}) is more than is open on invoice ${invoice.number} (${openOf(invoice)}).`,
        'invoiceId',
      );
    await applyPayment(trx, invoice, tx.id, tx.amount_minor, actor);
    return { invoice, openMinor: openOf(invoice) - tx.amount_minor };
  });
  await releaseCreditHolds(db, done.invoice.company_id, actor);
  return { invoiceNumber: done.invoice.number, openMinor: done.openMinor };
}
