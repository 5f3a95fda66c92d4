import { describe, expect, it } from 'vitest';
import { isoWeek } from './alert-conditions';
import { diffAlerts } from './alert-checker';

describe('open alerts', () => {
  it('raises only breaches not already open and clears the ones whose condition ended', () => {
    const { raise, clear } = diffAlerts(
      new Set(['NL/A', 'NL/B']),
      new Map([
        ['NL/B', 1],
        ['BE/C', 2],
      ]),
    );
    expect(raise).toEqual([['BE/C', 2]]);
    expect(clear).toEqual(['NL/A']);
  });

  it('names ISO weeks the way the digest is remembered (Monday start, week of the first Thursday)', () => {
    expect(isoWeek(new Date('2025-01-01T12:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2024-12-29T12:00:00Z'))).toBe('2024-W52');
    expect(isoWeek(new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
  });
});
