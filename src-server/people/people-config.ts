// Settings of people, sessions and sign-in, read from the environment by config.ts.
import { z } from 'zod';
import type { AdminTokenScope } from '../access/route-rules';

export interface PeopleConfig {
  /** A session ends after this long without a request… */
  sessionIdleMinutes: number;
  /** …and at the latest this long after sign-in. */
  sessionMaxHours: number;
  /** `auto`: Secure when the request came over HTTPS (x-forwarded-proto with TRUST_PROXY). */
  cookieSecure: 'auto' | 'always' | 'never';
  /** Trust X-Forwarded-For/-Proto from a reverse proxy (client IP for throttling, HTTPS). */
  trustProxy: boolean;
  /** Failed sign-ins before an account is locked, and for how long. */
  maxAccountFailures: number;
  lockMinutes: number;
  /** Failed sign-ins from one IP address within `lockMinutes` before it must wait. */
  maxIpFailures: number;
  /** How long a password reset link works. */
  resetTokenMinutes: number;
  /** The back office's address, for links in e-mails. */
  publicUrl: string;
  /** `bootstrap`: the admin token only creates the first admin; `system`: also the system routes. */
  adminTokenScope: AdminTokenScope;
}

const emptyAsMissing = (value: unknown) => (value === '' ? undefined : value);
const bounded = (fallback: number, max: number) =>
  z.preprocess(emptyAsMissing, z.coerce.number().int().min(1).max(max).default(fallback));

const envSchema = z.object({
  SESSION_IDLE_MINUTES: bounded(120, 7 * 24 * 60),
  SESSION_MAX_HOURS: bounded(12, 24 * 30),
  SESSION_COOKIE_SECURE: z.preprocess(
    emptyAsMissing,
    z.enum(['auto', 'always', 'never']).default('auto'),
  ),
  TRUST_PROXY: z.preprocess(emptyAsMissing, z.enum(['true', 'false']).default('false')),
  SIGN_IN_MAX_FAILURES: bounded(10, 1000),
  SIGN_IN_LOCK_MINUTES: bounded(15, 24 * 60),
  SIGN_IN_MAX_FAILURES_PER_IP: bounded(50, 100_000),
  PASSWORD_RESET_MINUTES: bounded(60, 7 * 24 * 60),
  PUBLIC_URL: z.preprocess(emptyAsMissing, z.url({ protocol: /^https?$/ }).optional()),
  ADMIN_TOKEN_SCOPE: z.preprocess(
    emptyAsMissing,
    z.enum(['system', 'bootstrap']).default('bootstrap'),
  ),
});

export function loadPeopleConfig(env: NodeJS.ProcessEnv, fallbackUrl: string): PeopleConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${String(issue.path[0])} is not valid: ${issue.message}`);
  }
  const e = parsed.data;
  return {
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    cookieSecure: e.SESSION_COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY === 'true',
    maxAccountFailures: e.SIGN_IN_MAX_FAILURES,
    lockMinutes: e.SIGN_IN_LOCK_MINUTES,
    maxIpFailures: e.SIGN_IN_MAX_FAILURES_PER_IP,
    resetTokenMinutes: e.PASSWORD_RESET_MINUTES,
    publicUrl: (e.PUBLIC_URL ?? fallbackUrl).replace(/\/+$/, ''),
    adminTokenScope: e.ADMIN_TOKEN_SCOPE,
  };
}
