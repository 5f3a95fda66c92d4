// A forecast as a chart (recharts): the daily forecast as a line inside its prediction interval
// (a band from lower to upper), after the last 13 weeks' backtest forecast against what sold.
import { useTranslation } from 'react-i18next';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Forecast } from './purchasing-api';

export interface ForecastPoint {
  day: string;
  sold?: number | null;
  backtest?: number;
  forecast?: number;
  interval?: [number, number];
}

/** One point per day: the backtest days first, then the forecast days with their interval. */
export function forecastPoints(forecast: Forecast): ForecastPoint[] {
  const past = (forecast.backtest?.days ?? []).map((d) => ({
    day: d.day,
    sold: d.sold,
    backtest: d.forecast,
  }));
  const ahead = forecast.daily.map((d) => ({
    day: d.day,
    forecast: d.units,
    interval: [d.lower, d.upper] as [number, number],
  }));
  return [...past, ...ahead];
}

export function ForecastChart({ title, forecast }: { title: string; forecast: Forecast }) {
  const { t } = useTranslation('purchasing');
  return (
    <figure className="report-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={320}>
        <ComposedChart
          data={forecastPoints(forecast)}
          margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" minTickGap={24} />
          <YAxis />
          <Tooltip />
          <Legend />
          <Area
            dataKey="interval"
            name={t('interval')}
            stroke="none"
            fill="#9cc3ea"
            isAnimationActive={false}
          />
          <Line dataKey="forecast" name={t('forecast')} stroke="#1f5fa8" dot={false} />
          <Line dataKey="sold" name={t('sold')} stroke="#2b2b2b" dot={false} />
          <Line
            dataKey="backtest"
            name={t('backtest')}
            stroke="#b35c00"
            strokeDasharray="4 2"
            dot={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
