// The forecast of one SKU × warehouse: method, demand class and how accurate it has been (the
// backtest's own words, and whether it beats seasonal naive), with the chart.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errors';
import { FormMessage } from '../ui/Field';
import { usePageTitle } from '../ui/page-title';
import { fetchForecast } from './purchasing-api';

// The chart library is large: fetched when a chart is first shown, not with the back office.
const ForecastChart = lazy(() =>
  import('./ForecastChart').then((m) => ({ default: m.ForecastChart })),
);

export function ForecastPage() {
  const { t, i18n } = useTranslation('purchasing');
  const { warehouseCode, sku } = useParams({ strict: false }) as {
    warehouseCode: string;
    sku: string;
  };
  usePageTitle(t('forecastTitle', { sku, warehouse: warehouseCode }));
  const forecast = useQuery({
    queryKey: ['forecast', warehouseCode, sku],
    queryFn: () => fetchForecast(warehouseCode, sku),
    retry: false,
  });
  const f = forecast.data;
  const units = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <>
      <p>
        <Link to="/purchasing">{t('backToPurchasing')}</Link>
      </p>
      <h1>{t('forecastTitle', { sku, warehouse: warehouseCode })}</h1>
      {forecast.isError ? (
        <FormMessage
          kind="error"
          text={errorText(t, forecast.error, { no_forecast: t('noForecast') })}
        />
      ) : null}
      {f ? (
        <>
          <dl className="order-facts">
            <dt>{t('method')}</dt>
            <dd>{f.method}</dd>
            <dt>{t('demandClass')}</dt>
            <dd>{f.demandClass}</dd>
            <dt>{t('next13Weeks')}</dt>
            <dd>{units.format(f.next13WeeksUnits)}</dd>
            <dt>{t('accuracy')}</dt>
            <dd>
              {f.accuracy.mase === null
                ? t('accuracyUnknown')
                : f.accuracy.beatsSeasonalNaive
                  ? t('beatsNaive')
                  : t('notBetterThanNaive')}{' '}
              <span className="hint">({f.accuracy.summary})</span>
            </dd>
          </dl>
          <Suspense fallback={<p>{t('loadingChart')}</p>}>
            <ForecastChart title={t('chartTitle', { sku })} forecast={f} />
          </Suspense>
        </>
      ) : null}
    </>
  );
}
