// How long a station may hold work without progress before the central OMS gives it back to the
// queue, and how often each instance looks. The timeout is what matters; the sweep only decides
// how soon after it a release happens.
export interface WorkHoldConfig {
  /** Minutes without progress (a pushed pick, pack or carton) after which held work is released. */
  timeoutMinutes: number;
  /** How often an instance releases what has timed out. */
  sweepIntervalMs: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > max)
    throw new Error(`${name} is not valid: "${raw}" (a number above 0, at most ${max})`);
  return value;
}

export function loadWorkHoldConfig(env: NodeJS.ProcessEnv): WorkHoldConfig {
  return {
    timeoutMinutes: positive(env, 'WORK_HOLD_TIMEOUT_MINUTES', 30, 7 * 24 * 60),
    sweepIntervalMs: Math.round(positive(env, 'WORK_HOLD_SWEEP_SECONDS', 60, 3600) * 1000),
  };
}
