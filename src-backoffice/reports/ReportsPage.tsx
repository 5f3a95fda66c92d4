import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../ui/errors';
import { usePageTitle } from '../ui/page-title';
import { ReportTable } from './ReportTable';
import {
  exportUrl,
  fetchReport,
  REPORT_GROUPS,
  REPORT_NAMES,
  rowLabel,
  utcDay,
  type ReportAsk,
  type ReportName,
} from './reports-api';

// The chart library is large: fetched when a chart is first shown, not with the back office.
const ReportChart = lazy(() => import('./ReportChart').then((m) => ({ default: m.ReportChart })));

interface ReportsSearch {
  report?: string;
  groupBy?: string;
  metric?: string;
  from?: string;
  to?: string;
}

/** What the address asks for, with the defaults: sales by channel over the last 30 days. */
function askOf(search: ReportsSearch): ReportAsk {
  const report = (search.report ?? 'sales') as ReportName;
  const groups: readonly string[] = REPORT_GROUPS[report];
  const fallback = report === 'sales' ? 'channel' : groups[0]!;
  return {
    report,
    groupBy: search.groupBy && groups.includes(search.groupBy) ? search.groupBy : fallback,
    from: search.from ?? utcDay(29),
    to: search.to ?? utcDay(0),
  };
}

export function ReportsPage() {
  const { t } = useTranslation('reports');
  usePageTitle(t('title'));
  const search = useSearch({ strict: false }) as ReportsSearch;
  const navigate = useNavigate();
  const ask = askOf(search);
  const [draft, setDraft] = useState(ask);
  const report = useQuery({ queryKey: ['report', ask], queryFn: () => fetchReport(ask) });
  const rows = report.data?.rows ?? [];
  const metrics = Object.keys(rows[0]?.current ?? {});
  const metric = search.metric && metrics.includes(search.metric) ? search.metric : metrics[0];
  const compared = report.data?.previousFrom != null;
  const baseCurrency = report.data?.baseCurrency ?? 'EUR';
  // `*`: a group's row over all its currencies, whose money is in the base currency only.
  const currencyOf = (key: Record<string, string>) =>
    key.currency && key.currency !== '*' ? key.currency : baseCurrency;

  const show = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/reports', search: { ...draft, metric: undefined } });
  };
  const groups: readonly string[] = REPORT_GROUPS[draft.report];
  return (
    <>
      <h1>{t('title')}</h1>
      <form className="filters" onSubmit={show} aria-label={t('choose')}>
        <div className="field">
          <label htmlFor="report-name">{t('report')}</label>
          <select
            id="report-name"
            value={draft.report}
            onChange={(e) => {
              const next = e.target.value as ReportName;
              setDraft({ ...draft, report: next, groupBy: REPORT_GROUPS[next][0] });
            }}
          >
            {REPORT_NAMES.map((name) => (
              <option key={name} value={name}>
                {t(`reports.${name}`)}
              </option>
            ))}
          </select>
        </div>
        {groups.length > 1 ? (
          <div className="field">
            <label htmlFor="report-group">{t('groupBy')}</label>
            <select
              id="report-group"
              value={draft.groupBy}
              onChange={(e) => setDraft({ ...draft, groupBy: e.target.value })}
            >
              {groups.map((g) => (
                <option key={g} value={g}>
                  {t(`groups.${g}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="report-from">{t('from')}</label>
          <input
            id="report-from"
            type="date"
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="report-to">{t('to')}</label>
          <input
            id="report-to"
            type="date"
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.target.value })}
          />
        </div>
        <div className="filter-buttons">
          <button type="submit">{t('show')}</button>
        </div>
      </form>
      {report.error ? (
        <p role="alert" className="form-message error">
          {errorText(t, report.error)}
        </p>
      ) : null}
      {report.data ? (
        <>
          <p>
            {compared
              ? t('periodCompared', {
                  from: report.data.from,
                  to: report.data.to,
                  previousFrom: report.data.previousFrom,
                  previousTo: report.data.previousTo,
                })
              : t('period', { from: report.data.from, to: report.data.to })}
          </p>
          <p className="form-buttons">
            <a className="button" href={exportUrl(ask, 'csv')} download>
              {t('exportCsv')}
            </a>
            <a className="button" href={exportUrl(ask, 'xlsx')} download>
              {t('exportXlsx')}
            </a>
          </p>
          {rows.length === 0 || !metric ? (
            <p>{t('empty')}</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor="report-metric">{t('figure')}</label>
                <select
                  id="report-metric"
                  value={metric}
                  onChange={(e) =>
                    void navigate({
                      to: '/reports',
                      search: { ...ask, metric: e.target.value },
                    })
                  }
                >
                  {metrics.map((m) => (
                    <option key={m} value={m}>
                      {t(`metrics.${m}`)}
                    </option>
                  ))}
                </select>
              </div>
              <Suspense fallback={<p>{t('loadingChart')}</p>}>
                <ReportChart
                  title={t('chartTitle', { figure: t(`metrics.${metric}`) })}
                  metric={metric}
                  currency={metric.endsWith('BaseMinor') ? baseCurrency : currencyOf(rows[0]!.key)}
                  compared={compared}
                  bars={rows.map((r) => ({
                    label: rowLabel(r.key, t('total')),
                    current: r.current[metric] ?? null,
                    previous: r.previous?.[metric] ?? null,
                  }))}
                />
              </Suspense>
              {report.data.baseCurrency ? (
                <p>
                  {t('baseCurrency', {
                    currency: report.data.baseCurrency,
                    date: report.data.latestRateDate ?? t('noRates'),
                  })}
                </p>
              ) : null}
              <ReportTable
                report={report.data}
                metrics={metrics}
                currencyOf={currencyOf}
                baseCurrency={baseCurrency}
              />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
