/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') in business days, Monday to Friday.
 * Dates are plain calendar days (computed in UTC) so a server's time zone never shifts them.
 * Public holidays are not known here.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parseIsoDate(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2025-02-30 over to March; the round trip catches it.
  if (Number.isNaN(time) || formatIsoDate(time) !== isoDate) {
    throw new RangeError(`expected a calendar date as YYYY-MM-DD, got "${isoDate}"`);
  }
  return time;
}

const formatIsoDate = (time: number): string => new Date(time).toISOString().slice(0, 10);

const isWeekend = (time: number): boolean => {
  const weekday = new Date(time).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/** Throws a RangeError unless `isoDate` is a real calendar date written YYYY-MM-DD. */
export function assertIsoDate(isoDate: string): void {
  parseIsoDate(isoDate);
}

export function isBusinessDay(isoDate: string): boolean {
  return !isWeekend(parseIsoDate(isoDate));
}

/** The date itself when it is a business day, else the Monday after. */
export function businessDayOnOrAfter(isoDate: string): string {
  let time = parseIsoDate(isoDate);
  while (isWeekend(time)) time += DAY_MS;
  return formatIsoDate(time);
}

/** The date `days` business days after `isoDate` (which may itself be a weekend day). */
export function addBusinessDays(isoDate: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`business days must be a whole number ≥ 0, got ${days}`);
  }
  let time = parseIsoDate(isoDate);
  for (let left = days; left > 0;) {
    time += DAY_MS;
    if (!isWeekend(time)) left -= 1;
  }
  return formatIsoDate(time);
}

/**
 * When a parcel handed over on `shipDate` arrives: a weekend handover is collected on Monday,
 * then transit runs in business days (0 = delivered the day it is collected).
 */
export function estimateDeliveryDate(shipDate: string, transitDays: number): string {
  return addBusinessDays(businessDayOnOrAfter(shipDate), transitDays);
}
