// An order's VAT: the scheme it was taxed under, the tax per rate (net + VAT = gross) and, when
// no VAT is charged, the legal mention its documents carry.
import { useTranslation } from 'react-i18next';
import { vatMentionOf } from '../../shared/tax/vat-scheme';
import type { OrderDetail } from './orders-api';
import { money } from './orders-api';
import { orderVatRows } from './order-vat-rows';

export function OrderVat({ order }: { order: OrderDetail }) {
  const { t, i18n } = useTranslation('orders');
  const language = i18n.language;
  const amount = (minor: number) => money(minor, order.currency, language);
  const { rows, total } = orderVatRows(order.taxBreakdown);
  const mention = vatMentionOf(order.vat?.scheme);
  const percent = (rate: number | null) =>
    rate === null
      ? t('vat.noRate')
      : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(
          rate / 100,
        );
  return (
    <section aria-labelledby="order-vat">
      <h2 id="order-vat">{t('vat.title')}</h2>
      {order.vat ? (
        <p data-testid="order-vat-scheme">
          {t(`vat.schemes.${order.vat.scheme}`)}
          {order.vat.matchesEngine === false ? ` — ${t('vat.differsFromEngine')}` : ''}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('vat.none')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="order-vat-breakdown">
            <thead>
              <tr>
                <th scope="col">{t('vat.rate')}</th>
                <th scope="col">{t('vat.net')}</th>
                <th scope="col">{t('vat.tax')}</th>
                <th scope="col">{t('vat.gross')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={String(row.ratePercent)}>
                  <td>{percent(row.ratePercent)}</td>
                  <td>{amount(row.netMinor)}</td>
                  <td>{amount(row.taxMinor)}</td>
                  <td>{amount(row.grossMinor)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('vat.total')}</th>
                <td>{amount(total.netMinor)}</td>
                <td>{amount(total.taxMinor)}</td>
                <td>{amount(total.grossMinor)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {mention ? <p data-testid="order-vat-mention">{t(`vat.mentions.${mention}`)}</p> : null}
    </section>
  );
}
