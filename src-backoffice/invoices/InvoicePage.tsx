// One invoice: its lines, credit notes and payments, and crediting some of its lines (or all
// that is left). One idempotency key per filled-in form, so a double click makes one credit note.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errors';
import { FormMessage } from '../ui/Field';
import { formatDay } from '../ui/format';
import { usePageTitle } from '../ui/page-title';
import { creditInvoice, fetchInvoice, money } from './invoices-api';

export function InvoicePage() {
  const { t, i18n } = useTranslation('invoices');
  const { invoiceId } = useParams({ strict: false }) as { invoiceId: string };
  const queryClient = useQueryClient();
  const invoice = useQuery({
    queryKey: ['invoice', invoiceId],
    queryFn: () => fetchInvoice(invoiceId),
  });
  const number = invoice.data?.number ?? '';
  usePageTitle(t('invoiceTitle', { number }));
  const [reason, setReason] = useState('');
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [key, setKey] = useState(() => crypto.randomUUID());
  const credit = useMutation({
    mutationFn: () => {
      const lines = Object.entries(quantities)
        .map(([sku, q]) => ({ sku, quantity: Number(q) }))
        .filter((l) => Number.isInteger(l.quantity) && l.quantity > 0);
      return creditInvoice(invoiceId, key, {
        reason,
        ...(lines.length > 0 ? { lines } : {}),
      });
    },
    onSuccess: () => {
      setKey(crypto.randomUUID());
      setQuantities({});
      setReason('');
      return queryClient.invalidateQueries({ queryKey: ['invoice', invoiceId] });
    },
  });
  const data = invoice.data;
  const fmt = (minor: number) => (data ? money(minor, data.currency, i18n.language) : '');
  return (
    <>
      <p>
        <Link to="/invoices">{t('backToInvoices')}</Link>
      </p>
      <h1>{t('invoiceTitle', { number })}</h1>
      {invoice.isError ? <FormMessage kind="error" text={errorText(t, invoice.error)} /> : null}
      {data ? (
        <>
          <p>
            {t('summary', {
              company: data.company,
              status: t(`statuses.${data.status}`),
              total: fmt(data.totalMinor),
              open: fmt(data.openMinor),
              due: formatDay(data.dueOn, i18n.language),
            })}
          </p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              credit.mutate();
            }}
          >
            <table>
              <caption>{t('linesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sku')}</th>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('quantity')}</th>
                  <th scope="col">{t('net')}</th>
                  <th scope="col">{t('creditQuantity')}</th>
                </tr>
              </thead>
              <tbody>
                {data.lines.map((line) => (
                  <tr key={line.sku}>
                    <td>{line.sku}</td>
                    <td>{line.name}</td>
                    <td>{line.quantity}</td>
                    <td>{fmt(line.netMinor)}</td>
                    <td>
                      <input
                        type="number"
                        min={0}
                        max={line.quantity}
                        aria-label={t('creditQuantityOf', { sku: line.sku })}
                        value={quantities[line.sku] ?? ''}
                        onChange={(e) =>
                          setQuantities({ ...quantities, [line.sku]: e.target.value })
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>{t('creditHint')}</p>
            <label>
              {t('reason')}
              <input required value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="submit" disabled={credit.isPending}>
              {t('issueCreditNote')}
            </button>
            {credit.isError ? <FormMessage kind="error" text={errorText(t, credit.error)} /> : null}
            {credit.data ? (
              <FormMessage kind="success" text={t('credited', { number: credit.data.number })} />
            ) : null}
          </form>
          <h2>{t('creditNotes')}</h2>
          <ul>
            {data.creditNotes.map((n) => (
              <li key={n.id}>
                {n.number} · {formatDay(n.issuedOn, i18n.language)} · {fmt(n.totalMinor)} ·{' '}
                {n.reason} · <a href={`/v1/b2b/credit-notes/${n.id}/pdf`}>{t('pdf')}</a> ·{' '}
                <a href={`/v1/b2b/credit-notes/${n.id}/ubl`}>{t('ubl')}</a>
              </li>
            ))}
          </ul>
          <h2>{t('payments')}</h2>
          <ul>
            {data.payments.map((p) => (
              <li key={p.id}>
                {formatDay(p.bookedOn, i18n.language)} · {fmt(p.amountMinor)} · {p.counterparty}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
