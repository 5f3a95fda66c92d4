// When a failed delivery is tried again: exponential backoff with jitter, so receivers that come
// back after an outage are not hit by every waiting delivery at the same moment.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Delay before try `failedAttempt + 1`: half of min(max, base·2^(n−1)) fixed, the other half random. */
export function retryDelayMs(
  failedAttempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, Math.min(failedAttempt - 1, 52));
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** After this try, is the delivery dead-lettered rather than retried? */
export function isFinalAttempt(attempt: number, maxAttempts: number): boolean {
  return attempt >= maxAttempts;
}
