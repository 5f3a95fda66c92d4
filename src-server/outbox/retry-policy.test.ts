import { describe, expect, it } from 'vitest';
import { isFinalAttempt, retryDelayMs } from './retry-policy';

const policy = { baseMs: 1000, maxMs: 60_000 };

describe('retry delay', () => {
  it('doubles the delay per failed try, between half and all of the exponential step', () => {
    expect(retryDelayMs(1, policy, () => 0)).toBe(500);
    expect(retryDelayMs(1, policy, () => 1)).toBe(1000);
    expect(retryDelayMs(3, policy, () => 0)).toBe(2000);
    expect(retryDelayMs(3, policy, () => 1)).toBe(4000);
  });

  it('never waits longer than the maximum, however many tries failed', () => {
    expect(retryDelayMs(40, policy, () => 1)).toBe(60_000);
    expect(retryDelayMs(10_000, policy, () => 1)).toBe(60_000);
  });

  it('spreads retries of the same try over a range (jitter)', () => {
    const delays = new Set([0, 0.25, 0.5, 0.75].map((r) => retryDelayMs(4, policy, () => r)));
    expect(delays.size).toBe(4);
  });

  it('dead-letters on the last allowed try only', () => {
    expect(isFinalAttempt(2, 3)).toBe(false);
    expect(isFinalAttempt(3, 3)).toBe(true);
  });
});
