import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney } from './label-format';

describe('amounts on labels and slips', () => {
  it('shows each currency with its ISO 4217 decimals', () => {
    expect(formatAmount(1250, 'EUR')).toBe('12.50');
    expect(formatAmount(1250, 'JPY')).toBe('1250');
    expect(formatAmount(1250, 'KWD')).toBe('1.250');
    // Intl (CLDR) shows IQD without decimals; ISO 4217 gives it three.
    expect(formatAmount(1250, 'IQD')).toBe('1.250');
    expect(formatMoney(99, 'GBP')).toBe('0.99 GBP');
  });
});
