// How the reports screen shows a figure and a comparison: money from minor units to the cent,
// rates as percentages, the change against the previous period, and a row's group in words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { change, figureKind, formatFigure, rowLabel, utcDay } from './reports-api';

describe('report figures', () => {
  it('shows money from minor units to the cent in the reader’s language', () => {
    expect(formatFigure('revenueMinor', 123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatFigure('revenueMinor', 123456, 'EUR', 'nl')).toBe('€\u00a01.234,56');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (minor) => {
        const shown = formatFigure('refundMinor', minor, 'EUR', 'en').replace(/[€,]/g, '');
        expect(Math.round(Number(shown) * 100)).toBe(minor);
      }),
    );
  });

  it('shows rates as percentages, counts as numbers and a missing figure as a dash', () => {
    expect(figureKind('returnRate')).toBe('rate');
    expect(formatFigure('returnRate', 0.3333, 'EUR', 'en')).toBe('33.3%');
    expect(formatFigure('units', 1234, 'EUR', 'en')).toBe('1,234');
    expect(formatFigure('coverDays', null, 'EUR', 'en')).toBe('—');
  });

  it('gives the change from the previous period, and none when there was nothing before', () => {
    expect(change(150, 100)).toBe(0.5);
    expect(change(50, -100)).toBe(1.5);
    expect(change(5, 0)).toBeNull();
    expect(change(null, 3)).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (p, c) => {
        expect(p * (1 + change(c, p)!)).toBeCloseTo(c, 6);
      }),
    );
  });

  it('names a row by its key values, the total row as total', () => {
    expect(rowLabel({ channel: 'web', currency: 'EUR' }, 'Total')).toBe('web · EUR');
    expect(rowLabel({ total: '', currency: 'EUR' }, 'Total')).toBe('EUR');
    expect(rowLabel({ total: '' }, 'Total')).toBe('Total');
    expect(utcDay(1, Date.parse('2026-03-01T05:00:00Z'))).toBe('2026-02-28');
  });
});
