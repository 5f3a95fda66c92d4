import { describe, expect, it } from 'vitest';
import { buildS10TrackingNumber, isValidS10TrackingNumber, s10CheckDigit } from './upu-s10';

describe('UPU S10 tracking numbers', () => {
  it('computes the check digit of the UPU example AA123456785NL', () => {
    expect(s10CheckDigit('12345678')).toBe(5);
    expect(buildS10TrackingNumber('AA', 12345678, 'NL')).toBe('AA123456785NL');
  });

  it('maps a result of 11 to 5 and of 10 to 0, as S10 prescribes', () => {
    expect(s10CheckDigit('00000000')).toBe(5); // sum 0 → 11 → 5
    expect(s10CheckDigit('00100001')).toBe(5); // 4 + 7 = 11 → 11 → 5
    expect(s10CheckDigit('00000012')).toBe(0); // 9 + 14 = 23 → 11 − 1 = 10 → 0
    expect(s10CheckDigit('00000001')).toBe(4); // 7 → 4
    expect(s10CheckDigit('10000000')).toBe(3); // 8 → 3
  });

  it('detects a single wrong digit and a swap of neighbours', () => {
    expect(isValidS10TrackingNumber('AA123456785NL')).toBe(true);
    expect(isValidS10TrackingNumber('AA123456784NL')).toBe(false);
    expect(isValidS10TrackingNumber('AA213456785NL')).toBe(false);
    expect(isValidS10TrackingNumber('aa123456785NL')).toBe(false);
  });

  it('refuses a serial beyond eight digits and malformed letters', () => {
    expect(() => buildS10TrackingNumber('AA', 100_000_000, 'NL')).toThrow(RangeError);
    expect(() => buildS10TrackingNumber('A1', 1, 'NL')).toThrow(/service indicator/);
    expect(() => buildS10TrackingNumber('AA', 1, 'nl')).toThrow(/country code/);
  });
});
