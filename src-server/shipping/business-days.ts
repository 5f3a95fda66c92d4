/**
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD') in business days: Monday to Friday, less the
 * public holidays a caller passes (a warehouse's, from ./warehouse-calendar).
 * Dates are plain calendar days (computed in UTC) so a server's time zone never shifts them.
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

/** Whether an ISO date is a public holiday; the default knows none. */
export type HolidayTest = (isoDate: string) => boolean;
const NO_HOLIDAYS: HolidayTest = () => false;

const isWeekend = (time: number): boolean => {
  const weekday = new Date(time).getUTCDay();
  return weekday === 0 || weekday === 6;
};
const isDayOff = (time: number, isHoliday: HolidayTest): boolean =>
  isWeekend(time) || isHoliday(formatIsoDate(time));

/** Throws a RangeError unless `isoDate` is a real calendar date written YYYY-MM-DD. */
export function assertIsoDate(isoDate: string): void {
  parseIsoDate(isoDate);
}

export function isBusinessDay(isoDate: string, isHoliday: HolidayTest = NO_HOLIDAYS): boolean {
  return !isDayOff(parseIsoDate(isoDate), isHoliday);
}

/** The date itself when it is a business day, else the next one. */
export function businessDayOnOrAfter(
  isoDate: string,
  isHoliday: HolidayTest = NO_HOLIDAYS,
): string {
  let time = parseIsoDate(isoDate);
  // A year has far fewer than 30 consecutive days off; the bound keeps bad holiday data finite.
  for (let step = 0; step < 30 && isDayOff(time, isHoliday); step++) time += DAY_MS;
  return formatIsoDate(time);
}

/** The date `days` business days after `isoDate` (which may itself be a day off). */
export function addBusinessDays(
  isoDate: string,
  days: number,
  isHoliday: HolidayTest = NO_HOLIDAYS,
): string {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`business days must be a whole number ≥ 0, got ${days}`);
  }
  let time = parseIsoDate(isoDate);
  for (let left = days, steps = 0; left > 0; steps++) {
    if (steps > days * 2 + 60) throw new RangeError(`no business days after ${isoDate}`);
    time += DAY_MS;
    if (!isDayOff(time, isHoliday)) left -= 1;
  }
  return formatIsoDate(time);
}

/**
 * When a parcel handed over on `shipDate` arrives: a handover on a day off is collected on the
 * next business day, then transit runs in business days (0 = delivered the day it is collected).
 */
export function estimateDeliveryDate(
  shipDate: string,
  transitDays: number,
  isHoliday: HolidayTest = NO_HOLIDAYS,
): string {
  return addBusinessDays(businessDayOnOrAfter(shipDate, isHoliday), transitDays, isHoliday);
}
