// One quote: its current version's lines with where each price came from, the totals, and
// sending it (the version is then frozen; the buyer gets the accept link).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errors';
import { FormMessage } from '../ui/Field';
import { formatDay } from '../ui/format';
import { usePageTitle } from '../ui/page-title';
import { fetchQuote, money, sendQuote } from './quotes-api';

export function QuotePage() {
  const { t, i18n } = useTranslation('quotes');
  const { quoteId } = useParams({ strict: false }) as { quoteId: string };
  const queryClient = useQueryClient();
  const quote = useQuery({ queryKey: ['quote', quoteId], queryFn: () => fetchQuote(quoteId) });
  const number = quote.data?.number ?? '';
  usePageTitle(t('quoteTitle', { number }));
  const send = useMutation({
    mutationFn: () => sendQuote(quoteId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['quote', quoteId] }),
  });
  const version = quote.data?.versions.find((v) => v.version === quote.data?.currentVersion);
  const fmt = (minor: number) => (version ? money(minor, version.currency, i18n.language) : '');
  return (
    <>
      <p>
        <Link to="/quotes">{t('backToQuotes')}</Link>
      </p>
      <h1>{t('quoteTitle', { number })}</h1>
      {quote.isError ? <FormMessage kind="error" text={errorText(t, quote.error)} /> : null}
      {quote.data && version ? (
        <>
          <p>
            {t('statusLine', {
              status: t(`statuses.${quote.data.status}`),
              version: version.version,
              validUntil: formatDay(version.validUntil, i18n.language),
            })}
          </p>
          <table>
            <caption>{t('linesCaption', { version: version.version })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sku')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('quantity')}</th>
                <th scope="col">{t('unitPrice')}</th>
                <th scope="col">{t('priceSource')}</th>
              </tr>
            </thead>
            <tbody>
              {version.lines.map((line) => (
                <tr key={line.sku + line.quantity}>
                  <td>{line.sku}</td>
                  <td>{line.name}</td>
                  <td>{line.quantity}</td>
                  <td>{fmt(line.unitPriceMinor)}</td>
                  <td>{line.priceSource}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl>
            <dt>{t('shipping')}</dt>
            <dd>{fmt(version.shippingMinor)}</dd>
            <dt>{t('net')}</dt>
            <dd>{fmt(version.netMinor)}</dd>
            <dt>{t('vat')}</dt>
            <dd>{fmt(version.taxMinor)}</dd>
            <dt>{t('total')}</dt>
            <dd data-testid="quote-total">{fmt(version.totalMinor)}</dd>
          </dl>
          <FormMessage kind="error" text={send.error ? errorText(t, send.error) : null} />
          {quote.data.status === 'draft' ? (
            <button type="button" onClick={() => send.mutate()} disabled={send.isPending}>
              {t('send')}
            </button>
          ) : null}
          {send.data ? (
            <p>
              {t('sentLink')} <code data-testid="accept-link">{send.data.acceptPath}</code>
            </p>
          ) : null}
        </>
      ) : null}
    </>
  );
}
