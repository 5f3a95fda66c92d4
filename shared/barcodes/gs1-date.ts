/**
 * GS1 YYMMDD dates as calendar days, computed with integers only: a JavaScript Date would carry a
 * time zone and shift the day for someone (the day a carton expires must not depend on the
 * station's clock settings).
 */

export type Gs1DateParse = { ok: true; date: string } | { ok: false; reason: string };

/**
 * Century of a two-digit year per GS1 General Specifications §7.12: a year up to 50 years ahead
 * of the reference year is in the future, otherwise it is at most 49 years in the past.
 */
export function resolveGs1Year(twoDigitYear: number, referenceYear: number): number {
  const referenceYy = referenceYear % 100;
  const century = referenceYear - referenceYy;
  const gap = twoDigitYear - referenceYy;
  if (gap >= 51) return century - 100 + twoDigitYear;
  if (gap <= -50) return century + 100 + twoDigitYear;
  return century + twoDigitYear;
}

/** YYMMDD to `YYYY-MM-DD`; day 00 means the last day of the month (GS1 §3.4.x date AIs). */
export function parseGs1Date(yymmdd: string, referenceYear: number): Gs1DateParse {
  if (!/^\d{6}$/.test(yymmdd))
    return { ok: false, reason: `date must be 6 digits YYMMDD, got "${yymmdd}"` };
  const year = resolveGs1Year(Number(yymmdd.slice(0, 2)), referenceYear);
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12)
    return { ok: false, reason: `month ${yymmdd.slice(2, 4)} does not exist` };
  const lastDay = daysInMonth(year, month);
  if (day > lastDay)
    return {
      ok: false,
      reason: `day ${yymmdd.slice(4, 6)} does not exist in ${year}-${pad(month)}`,
    };
  return { ok: true, date: `${year}-${pad(month)}-${pad(day === 0 ? lastDay : day)}` };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
