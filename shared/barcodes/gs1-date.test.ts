import { describe, expect, it } from 'vitest';
import { parseGs1Date, resolveGs1Year } from './gs1-date';

describe('GS1 YYMMDD dates', () => {
  it.each([
    [25, 2026, 2025],
    [76, 2026, 2076], // 50 years ahead is still the future
    [77, 2026, 1977], // 51 years ahead is taken as the past
    [31, 2080, 2031],
    [30, 2080, 2130], // 50 years back is too far: next century
    [99, 2000, 1999],
  ])('resolves year %i against %i to %i (sliding window)', (yy, reference, year) => {
    expect(resolveGs1Year(yy, reference)).toBe(year);
  });

  it.each([
    ['251231', '2025-12-31'],
    ['240200', '2024-02-29'], // day 00: last day of the month, leap year
    ['250200', '2025-02-28'],
    ['241000', '2024-10-31'],
    ['250400', '2025-04-30'],
    ['000229', '2000-02-29'],
  ])('reads %s as %s', (yymmdd, iso) => {
    expect(parseGs1Date(yymmdd, 2026)).toEqual({ ok: true, date: iso });
  });

  it.each([
    ['251315', 'month 13'],
    ['250015', 'month 00'],
    ['250230', 'day 30'],
    ['250431', 'day 31'],
    ['250229', 'day 29'],
    ['25123', '6 digits'],
    ['25-231', '6 digits'],
  ])('refuses %s instead of rolling it over (%s)', (yymmdd, reason) => {
    const parsed = parseGs1Date(yymmdd, 2026);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).toContain(reason);
  });
});
