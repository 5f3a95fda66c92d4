// Carton weights: what a carton should weigh (its items plus the empty box) and whether what the
// scale (or the packer) says is close enough. Out of tolerance usually means a missing or extra item.
import type { Carton } from '../../shared/sync/documents';

/** Empty box weights by size, the first group of a box-type code (`BOX:M` or `BOX:M-40X30X20`). */
export const boxTareGrams: Readonly<Record<string, number>> = {
  XS: 60,
  S: 120,
  M: 220,
  L: 380,
  XL: 600,
  BAG: 20,
};

export function boxSize(boxType: string): string {
  return boxType.toUpperCase().split('-')[0] ?? '';
}

/** The tare of a known box type, or null for a code the station does not know. */
export function boxTare(boxType: string): number | null {
  return boxTareGrams[boxSize(boxType)] ?? null;
}

export interface WeightTolerance {
  /** Allowed deviation as a share of the expected weight, in percent. */
  percent: number;
  /** Allowed deviation at least this many grams (light cartons would otherwise allow nothing). */
  grams: number;
}

export const defaultTolerance: WeightTolerance = { percent: 10, grams: 50 };

export interface WeightCheck {
  ok: boolean;
  expectedGrams: number;
  minGrams: number;
  maxGrams: number;
  /** Actual minus expected: positive is heavier than expected. */
  differenceGrams: number;
}

export function checkWeight(
  expectedGrams: number,
  actualGrams: number,
  tolerance: WeightTolerance = defaultTolerance,
): WeightCheck {
  const allowed = Math.max(Math.round((expectedGrams * tolerance.percent) / 100), tolerance.grams);
  const minGrams = Math.max(0, expectedGrams - allowed);
  const maxGrams = expectedGrams + allowed;
  return {
    ok: actualGrams >= minGrams && actualGrams <= maxGrams,
    expectedGrams,
    minGrams,
    maxGrams,
    differenceGrams: actualGrams - expectedGrams,
  };
}

/** The box's tare plus each item's unit weight; unknown SKUs weigh nothing (the tolerance absorbs it). */
export function expectedCartonWeight(
  carton: Pick<Carton, 'boxType' | 'items'>,
  unitWeightBySku: ReadonlyMap<string, number>,
): number {
  const items = carton.items.reduce(
    (sum, item) => sum + item.quantity * (unitWeightBySku.get(item.sku) ?? 0),
    0,
  );
  return items + (boxTare(carton.boxType) ?? 0);
}

/**
 * Reads a typed weight: plain numbers are grams ("1250", "1250 g"); with "kg" the decimal comma
 * or point is read ("1,25 kg", "1.25kg"). Returns whole grams, or null when it is not a weight.
 */
export function parseWeightInput(text: string): number | null {
  const match = /^\s*(\d{1,6}(?:[.,]\d{1,3})?)\s*(kg|g)?\s*$/i.exec(text);
  if (!match?.[1]) return null;
  const value = Number(match[1].replace(',', '.'));
  const unit = (match[2] ?? 'g').toLowerCase();
  if (unit === 'g' && !Number.isInteger(value)) return null;
  const grams = Math.round(unit === 'kg' ? value * 1000 : value);
  return grams > 0 && grams <= 1_000_000 ? grams : null;
}
