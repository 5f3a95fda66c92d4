// Issuing a credit note against an invoice: some of its lines and quantities (a return's refund,
// a correction by finance) or all that is left of it. The invoice row is locked first, so two
// credit notes of one invoice queue and the second sees the first: never more credited than
// invoiced. The number is the next of the legal entity's credit-note series for the year, taken
// in this transaction (no gaps); the idempotency key is unique, so a retried request answers the
// credit note it made. The credit goes on the company's ledger (used credit) and off the
// invoice's open amount, and `credit_note.issued` is written with it (e-mail, webhooks).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { writeAuditEntry } from '../../audit/audit';
import type { AuditActor } from '../../audit/audit';
import type { Database } from '../../db/schema';
import { ApiError, notFound } from '../../http/api-error';
import { appendOutboxEvents } from '../../outbox/outbox';
import { releaseCreditHolds } from '../credit/order-holds';
import { invoiceNumber, LEGAL_ENTITY, nextInvoiceSeq } from '../invoices/invoices';
import { today } from '../quotes/quotes';
import { creditNoteAmounts, OverCreditError } from './credit-note-amounts';
import type { CreditRequestLine } from './credit-note-amounts';

/** The credit notes' own series, counted beside the invoices' per legal entity and year. */
export const CREDIT_NOTE_SERIES = `${LEGAL_ENTITY}-CN`;

export interface CreditNoteRequest {
  invoiceId: string;
  idempotencyKey: string;
  reason: string;
  /** Null or absent: everything on the invoice not credited yet. */
  lines: readonly CreditRequestLine[] | null;
  actor: string;
  /** Who the audit log names; the system when absent. */
  auditActor?: AuditActor;
}

export interface IssuedCreditNote {
  id: string;
  number: string;
  /** False: this idempotency key made the credit note before (a retry). */
  created: boolean;
}

function refusal(error: OverCreditError): ApiError {
  const field =
    error.index === null
      ? 'lines'
      : `lines[${error.index}].${error.reason === 'not_on_invoice' ? 'sku' : 'quantity'}`;
  if (error.reason === 'not_on_invoice')
    return new ApiError(422, 'not_on_invoice', error.message, field);
  if (error.reason === 'nothing')
    return new ApiError(422, 'nothing_to_credit', error.message, field);
  return new ApiError(409, 'over_credit', error.message, field);
}

export async function issueCreditNote(
  db: Kysely<Database>,
  request: CreditNoteRequest,
  now = new Date(),
): Promise<IssuedCreditNote> {
  const issued = await db.transaction().execute(async (trx) => {
    const invoice = await trx
      .selectFrom('b2b_invoices as i')
      .innerJoin('b2b_companies as c', 'c.customer_id', 'i.company_id')
      .select([
        'i.id',
        'i.number',
        'i.company_id',
        'i.order_id',
        'i.currency',
        'i.lines',
        'i.vat',
        'i.credited_minor',
        'c.legal_name',
      ])
      .where('i.id', '=', request.invoiceId)
      // Credit notes of one invoice (and retries of one request) queue here.
      .forUpdate('i')
      .executeTakeFirst();
    if (!invoice) throw notFound(`Invoice ${request.invoiceId}`);
    const again = await trx
      .selectFrom('b2b_credit_notes')
      .select(['id', 'number', 'invoice_id'])
      .where('idempotency_key', '=', request.idempotencyKey)
      .executeTakeFirst();
    if (again) {
      if (again.invoice_id !== invoice.id)
        throw new ApiError(
          409,
          'idempotency_key_reused',
          `Idempotency-Key already made credit note ${again.number} for another invoice.`,
          'idempotency-key',
        );
      return { id: again.id, number: again.number, created: false, companyId: invoice.company_id };
    }
    const before = await trx
      .selectFrom('b2b_credit_notes')
      .select('lines')
      .where('invoice_id', '=', invoice.id)
      .execute();
    let amounts;
    try {
      amounts = creditNoteAmounts(
        invoice,
        before.flatMap((b) => b.lines),
        request.lines,
      );
    } catch (error) {
      if (error instanceof OverCreditError) throw refusal(error);
      throw error;
    }
    const year = now.getUTCFullYear();
    const seq = await nextInvoiceSeq(trx, CREDIT_NOTE_SERIES, year);
    const id = randomUUID();
    const number = invoiceNumber(CREDIT_NOTE_SERIES, year, seq);
    const issuedOn = today(now);
    await trx
      .insertInto('b2b_credit_notes')
      .values({
        id,
        number,
        legal_entity: LEGAL_ENTITY,
        year,
        seq,
        invoice_id: invoice.id,
        company_id: invoice.company_id,
        idempotency_key: request.idempotencyKey,
        reason: request.reason,
        currency: invoice.currency,
        issued_on: issuedOn,
        lines: JSON.stringify(amounts.lines),
        net_minor: amounts.netMinor,
        tax_minor: amounts.taxMinor,
        total_minor: amounts.totalMinor,
        vat: JSON.stringify(amounts.vat),
        created_by: request.actor,
      })
      .execute();
    await trx
      .updateTable('b2b_invoices')
      .set({ credited_minor: invoice.credited_minor + amounts.totalMinor })
      .where('id', '=', invoice.id)
      .execute();
    await trx
      .insertInto('b2b_ledger')
      .values({
        id: randomUUID(),
        company_id: invoice.company_id,
        kind: 'credit_note',
        amount_minor: amounts.totalMinor,
        reference: number,
        order_id: invoice.order_id,
        recorded_by: request.actor,
      })
      .execute();
    await appendOutboxEvents(trx, [
      {
        type: 'credit_note.issued',
        aggregateType: 'credit_note',
        aggregateId: id,
        payload: {
          creditNoteId: id,
          number,
          invoiceId: invoice.id,
          invoiceNumber: invoice.number,
          companyId: invoice.company_id,
          companyName: invoice.legal_name,
          orderId: invoice.order_id,
          issuedOn,
          reason: request.reason,
          currency: invoice.currency,
          netMinor: amounts.netMinor,
          taxMinor: amounts.taxMinor,
          totalMinor: amounts.totalMinor,
        },
      },
    ]);
    await writeAuditEntry(
      trx,
      request.auditActor ?? { type: 'system', id: request.actor, label: null },
      {
        objectType: 'b2b_credit_note',
        objectId: id,
        action: 'issued',
        before: null,
        after: {
          number,
          invoice: invoice.number,
          totalMinor: amounts.totalMinor,
          lines: amounts.lines,
        },
        reason: request.reason,
      },
    );
    return { id, number, created: true, companyId: invoice.company_id };
  });
  // The company owes less now: orders held on its credit may fit again.
  if (issued.created) await releaseCreditHolds(db, issued.companyId, request.actor);
  return { id: issued.id, number: issued.number, created: issued.created };
}
