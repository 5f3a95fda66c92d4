import { describe, expect, it } from 'vitest';
import { boxTare, checkWeight, expectedCartonWeight, parseWeightInput } from './weight-rules';

describe('carton weight', () => {
  it('accepts within 10% of the expected weight and refuses beyond it', () => {
    expect(checkWeight(2000, 2190).ok).toBe(true);
    expect(checkWeight(2000, 1800).ok).toBe(true);
    expect(checkWeight(2000, 2201)).toMatchObject({
      ok: false,
      maxGrams: 2200,
      differenceGrams: 201,
    });
    expect(checkWeight(2000, 1799).ok).toBe(false);
  });

  it('allows at least 50 g either way on a light carton', () => {
    expect(checkWeight(200, 249).ok).toBe(true);
    expect(checkWeight(200, 251).ok).toBe(false);
    expect(checkWeight(200, 150).ok).toBe(true);
  });

  it('expects the items’ unit weights plus the box tare', () => {
    const weights = new Map([
      ['MUG-RED', 350],
      ['TEA-GREEN', 120],
    ]);
    const carton = {
      boxType: 'M-40X30X20',
      items: [
        { lineId: 'L1', sku: 'MUG-RED', quantity: 2, lot: null, serial: null, expiry: null },
        { lineId: 'L2', sku: 'TEA-GREEN', quantity: 1, lot: null, serial: null, expiry: null },
      ],
    };
    expect(expectedCartonWeight(carton, weights)).toBe(2 * 350 + 120 + 220);
    expect(boxTare('m')).toBe(220);
    expect(boxTare('CRATE')).toBeNull();
  });

  it('reads grams and kilograms with a decimal comma or point, and refuses nonsense', () => {
    expect(parseWeightInput('1250')).toBe(1250);
    expect(parseWeightInput(' 1250 g ')).toBe(1250);
    expect(parseWeightInput('1,25 kg')).toBe(1250);
    expect(parseWeightInput('1.3KG')).toBe(1300);
    expect(parseWeightInput('12.5')).toBeNull();
    expect(parseWeightInput('0')).toBeNull();
    expect(parseWeightInput('-3')).toBeNull();
    expect(parseWeightInput('abc')).toBeNull();
  });
});
