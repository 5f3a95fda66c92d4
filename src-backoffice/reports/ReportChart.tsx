// One figure of a report per group as bars, this period beside the previous one (recharts).
// The table below the chart carries the same figures for screen readers.
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { figureKind, formatFigure } from './reports-api';

export interface ChartBar {
  label: string;
  current: number | null;
  previous: number | null;
}

interface Props {
  title: string;
  metric: string;
  currency: string;
  bars: ChartBar[];
  compared: boolean;
}

export function ReportChart({ title, metric, currency, bars, compared }: Props) {
  const { t, i18n } = useTranslation('reports');
  const scale = figureKind(metric) === 'money' ? 100 : 1;
  const data = bars.map((b) => ({
    label: b.label,
    current: b.current === null ? null : b.current / scale,
    previous: b.previous === null ? null : b.previous / scale,
  }));
  const shown = (value: unknown) =>
    formatFigure(metric, typeof value === 'number' ? value * scale : null, currency, i18n.language);
  return (
    <figure className="report-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" />
          <YAxis tickFormatter={(v: number) => shown(v)} width={90} />
          <Tooltip formatter={(v) => shown(v)} />
          <Legend />
          <Bar dataKey="current" name={t('thisPeriod')} fill="#1f5fa8" />
          {compared ? <Bar dataKey="previous" name={t('previousPeriod')} fill="#8a8a8a" /> : null}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
