// Finance imports a bank statement (CSV or CAMT.053): matched payments mark their invoices paid;
// the rest are listed here to match to an open invoice by hand.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errors';
import { FormMessage } from '../ui/Field';
import { formatDay } from '../ui/format';
import { usePageTitle } from '../ui/page-title';
import {
  fetchOpenInvoices,
  fetchUnmatched,
  importStatement,
  matchPayment,
  money,
} from './invoices-api';

export function BankImportPage() {
  const { t, i18n } = useTranslation('invoices');
  usePageTitle(t('bankImport'));
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const unmatched = useQuery({ queryKey: ['unmatched'], queryFn: fetchUnmatched });
  const open = useQuery({ queryKey: ['open-invoices'], queryFn: fetchOpenInvoices });
  const [choice, setChoice] = useState<Record<string, string>>({});
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['unmatched'] }),
      queryClient.invalidateQueries({ queryKey: ['open-invoices'] }),
    ]);
  const upload = useMutation({
    mutationFn: async () => {
      const content = await file!.text();
      const format = /<Document[\s>]/.test(content) ? 'camt053' : 'csv';
      return importStatement({ fileName: file!.name, format, content });
    },
    onSuccess: refresh,
  });
  const match = useMutation({
    mutationFn: (id: string) => matchPayment(id, choice[id]!),
    onSuccess: refresh,
  });
  return (
    <>
      <p>
        <Link to="/invoices">{t('backToInvoices')}</Link>
      </p>
      <h1>{t('bankImport')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) upload.mutate();
        }}
      >
        <label>
          {t('statementFile')}
          <input
            type="file"
            accept=".csv,.xml,text/csv,application/xml"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" disabled={!file || upload.isPending}>
          {t('import')}
        </button>
      </form>
      {upload.isError ? <FormMessage kind="error" text={errorText(t, upload.error)} /> : null}
      {upload.data ? (
        <FormMessage
          kind="success"
          text={t('imported', {
            imported: upload.data.imported,
            duplicates: upload.data.duplicates,
            matched: upload.data.matched.length,
            unmatched: upload.data.unmatched.length,
          })}
        />
      ) : null}
      <table>
        <caption>{t('unmatchedCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bookedOn')}</th>
            <th scope="col">{t('amount')}</th>
            <th scope="col">{t('counterparty')}</th>
            <th scope="col">{t('remittance')}</th>
            <th scope="col">{t('matchTo')}</th>
          </tr>
        </thead>
        <tbody>
          {(unmatched.data?.payments ?? []).map((p) => (
            <tr key={p.id}>
              <td>{formatDay(p.bookedOn, i18n.language)}</td>
              <td>{money(p.amountMinor, p.currency, i18n.language)}</td>
              <td>{p.counterparty}</td>
              <td>
                {p.remittance}
                {p.note ? ` (${p.note})` : ''}
              </td>
              <td>
                <select
                  aria-label={t('matchToFor', {
                    amount: money(p.amountMinor, p.currency, i18n.language),
                  })}
                  value={choice[p.id] ?? ''}
                  onChange={(e) => setChoice({ ...choice, [p.id]: e.target.value })}
                >
                  <option value="">{t('chooseInvoice')}</option>
                  {(open.data?.invoices ?? [])
                    .filter((i) => i.currency === p.currency)
                    .map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.number} · {i.company} · {money(i.openMinor, i.currency, i18n.language)}
                      </option>
                    ))}
                </select>
                <button
                  type="button"
                  disabled={!choice[p.id] || match.isPending}
                  onClick={() => match.mutate(p.id)}
                >
                  {t('match')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {match.isError ? <FormMessage kind="error" text={errorText(t, match.error)} /> : null}
    </>
  );
}
