import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDayOnOrAfter,
  estimateDeliveryDate,
  isBusinessDay,
} from './business-days';

// 2025-06-06 is a Friday.
describe('business days', () => {
  it('skips the weekend when counting days', () => {
    expect(addBusinessDays('2025-06-06', 1)).toBe('2025-06-09');
    expect(addBusinessDays('2025-06-04', 3)).toBe('2025-06-09');
    expect(addBusinessDays('2025-06-06', 5)).toBe('2025-06-13');
    expect(addBusinessDays('2025-06-06', 0)).toBe('2025-06-06');
  });

  it('moves a weekend handover to Monday', () => {
    expect(businessDayOnOrAfter('2025-06-07')).toBe('2025-06-09');
    expect(businessDayOnOrAfter('2025-06-08')).toBe('2025-06-09');
    expect(businessDayOnOrAfter('2025-06-06')).toBe('2025-06-06');
    expect(isBusinessDay('2025-06-07')).toBe(false);
  });

  it('estimates delivery from the first pickup day', () => {
    expect(estimateDeliveryDate('2025-06-07', 1)).toBe('2025-06-10'); // Saturday → Monday pickup → Tuesday
    expect(estimateDeliveryDate('2025-06-07', 0)).toBe('2025-06-09'); // same-day service on a Saturday
    expect(estimateDeliveryDate('2025-06-05', 1)).toBe('2025-06-06');
  });

  it('crosses month and leap-day boundaries', () => {
    expect(addBusinessDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addBusinessDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it.each(['2025-02-30', '2025-6-6', '06/06/2025', ''])('refuses "%s" as a date', (date) => {
    expect(() => addBusinessDays(date, 1)).toThrow(RangeError);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addBusinessDays('2025-06-06', -1)).toThrow(RangeError);
    expect(() => addBusinessDays('2025-06-06', 1.5)).toThrow(RangeError);
  });
});
