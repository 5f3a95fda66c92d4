// A report's rows as a table: per group each figure this period, and with a comparison the
// previous period's figure and the change.
import { useTranslation } from 'react-i18next';
import { change, formatFigure, rowLabel, type Report } from './reports-api';

interface Props {
  report: Report;
  metrics: string[];
  currencyOf: (key: Record<string, string>) => string;
  /** The currency of `…BaseMinor` figures (the sales report's base currency). */
  baseCurrency: string;
}

export function ReportTable({ report, metrics, currencyOf, baseCurrency }: Props) {
  const { t, i18n } = useTranslation('reports');
  const compared = report.previousFrom !== null;
  const percent = new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  return (
    <div className="table-scroll">
      <table>
        <caption>{t('tableCaption', { report: t(`reports.${report.report}`) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`groups.${report.groupBy}`)}</th>
            {metrics.map((m) => (
              <th key={m} scope="col">
                {t(`metrics.${m}`)}
                {compared ? <span className="hint"> ({t('vsPrevious')})</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => {
            const rowCurrency = currencyOf(row.key);
            return (
              <tr key={JSON.stringify(row.key)}>
                <th scope="row">{rowLabel(row.key, t('total'))}</th>
                {metrics.map((m) => {
                  const now = row.current[m] ?? null;
                  const before = row.previous?.[m];
                  const delta = change(now, before);
                  const currency = m.endsWith('BaseMinor') ? baseCurrency : rowCurrency;
                  return (
                    <td key={m}>
                      {formatFigure(m, now, currency, i18n.language)}
                      {compared ? (
                        <span className="hint">
                          {' '}
                          ({formatFigure(m, before, currency, i18n.language)}
                          {delta === null ? '' : `, ${percent.format(delta)}`})
                        </span>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
