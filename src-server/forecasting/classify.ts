// Syntetos–Boylan–Croston demand classes (Syntetos, Boylan & Croston 2005): the average
// inter-demand interval (ADI) and the squared coefficient of variation of the non-zero demand
// sizes (CV²) split series into smooth, erratic, intermittent and lumpy. Stock-out days are not
// observations: they count neither as demand nor as a day without demand.
export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

export const DEMAND_CLASSES = ['smooth', 'erratic', 'intermittent', 'lumpy'] as const;
export type DemandClass = (typeof DEMAND_CLASSES)[number];

export interface DemandProfile {
  demandClass: DemandClass;
  /** Observed days per day with demand; null when no day had demand. */
  adi: number | null;
  /** (population standard deviation / mean)² of the non-zero demand sizes; null without demand. */
  cv2: number | null;
  demandDays: number;
  observedDays: number;
}

/** The class for an ADI and CV²: a value on a cut-off belongs to the higher side. */
export function demandClassOf(adi: number, cv2: number): DemandClass {
  if (adi < ADI_CUTOFF) return cv2 < CV2_CUTOFF ? 'smooth' : 'erratic';
  return cv2 < CV2_CUTOFF ? 'intermittent' : 'lumpy';
}

export function classifyDemand(
  demand: ArrayLike<number>,
  observed: ArrayLike<number>,
): DemandProfile {
  let observedDays = 0;
  let demandDays = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let t = 0; t < demand.length; t++) {
    if (!observed[t]) continue;
    observedDays += 1;
    const y = demand[t]!;
    if (y > 0) {
      demandDays += 1;
      sum += y;
      sumSquares += y * y;
    }
  }
  if (demandDays === 0) {
    return { demandClass: 'intermittent', adi: null, cv2: null, demandDays, observedDays };
  }
  const mean = sum / demandDays;
  const variance = Math.max(0, sumSquares / demandDays - mean * mean);
  const adi = observedDays / demandDays;
  const cv2 = variance / (mean * mean);
  return { demandClass: demandClassOf(adi, cv2), adi, cv2, demandDays, observedDays };
}
