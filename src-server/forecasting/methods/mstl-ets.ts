// ETS with weekly seasonality through augurs (WebAssembly): MSTL takes out the weekly pattern
// (period 7) and AutoETS forecasts what is left; augurs' own ETS has no seasonal models yet.
// Fitted on the last 16 weeks only: MSTL costs milliseconds per fit, and a recent window is what
// a weekly pattern of daily sales should follow.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { MSTL, initSync } from '@bsull/augurs/mstl';
import type { ForecastMethod } from './method';

export const MSTL_WINDOW_DAYS = 112;
const MINIMUM_DAYS = 28;

let initialised = false;

/** Instantiates the WebAssembly from the package's own bytes: no fetch, works offline and bundled. */
function ensureAugurs(): void {
  if (initialised) return;
  const script = createRequire(import.meta.url).resolve('@bsull/augurs/mstl');
  initSync({ module: readFileSync(script.replace(/mstl\.js$/, 'mstl_bg.wasm')) });
  initialised = true;
}

export const mstlEts: ForecastMethod = (train, horizon, level) => {
  const { filled } = train;
  if (filled.length < MINIMUM_DAYS) return null;
  ensureAugurs();
  const window = filled.subarray(Math.max(0, filled.length - MSTL_WINDOW_DAYS));
  const model = MSTL.ets([7]);
  try {
    model.fit(window);
    const forecast = model.predict(horizon, level);
    const point = forecast.point.map((f) => Math.max(0, f));
    if (point.some((f) => !Number.isFinite(f))) return null;
    const interval = forecast.intervals
      ? {
          lower: forecast.intervals.lower.map((f) => Math.max(0, f)),
          upper: forecast.intervals.upper.map((f, i) => Math.max(point[i]!, f)),
        }
      : undefined;
    return { point, interval };
  } catch {
    // A window augurs cannot fit (e.g. constant) leaves the other candidates.
    return null;
  } finally {
    model.free();
  }
};
