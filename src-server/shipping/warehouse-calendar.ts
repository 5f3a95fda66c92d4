/**
 * A warehouse's working calendar: its time zone, its daily cut-off (orders released before it
 * ship the same day) and the public holidays of its country (and region), from the date-holidays
 * data set. Where an order's ship date, and so its promised delivery, is decided.
 */
import Holidays from 'date-holidays';
import { businessDayOnOrAfter, addBusinessDays } from './business-days';
import type { HolidayTest } from './business-days';

export interface WarehouseCalendar {
  /** IANA time zone, e.g. Europe/Amsterdam. */
  timeZone: string;
  /** Local time of day, HH:MM (24 h): work released at or after it ships the next business day. */
  cutoffTime: string;
  /** ISO 3166-1 alpha-2 country whose public holidays apply. */
  country: string;
  /** The country's subdivision for regional holidays (e.g. DE-BY's "BY"), or null. */
  holidayRegion: string | null;
}

export const CUTOFF_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The subdivisions with their own holidays for a country (code → name), empty if none. */
export function holidayRegionsOf(country: string): Record<string, string> {
  return (new Holidays().getStates(country) as Record<string, string> | undefined) ?? {};
}

const holidayYears = new Map<string, Set<string>>();

/** Public holidays only (not bank or optional days): the days a carrier does not collect. */
function publicHolidays(country: string, region: string | null, year: number): Set<string> {
  const key = `${country}\u0000${region ?? ''}\u0000${year}`;
  let days = holidayYears.get(key);
  if (!days) {
    const calendar = region ? new Holidays(country, region) : new Holidays(country);
    const list = calendar.getHolidays(year) || [];
    days = new Set(list.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidayYears.set(key, days);
  }
  return days;
}

export function holidayTest(calendar: Pick<WarehouseCalendar, 'country' | 'holidayRegion'>) {
  const test: HolidayTest = (isoDate) =>
    publicHolidays(calendar.country, calendar.holidayRegion, Number(isoDate.slice(0, 4))).has(
      isoDate,
    );
  return test;
}

/** The public holidays from `fromDate` on, up to `count`, with their names in `language`. */
export function upcomingHolidays(
  calendar: Pick<WarehouseCalendar, 'country' | 'holidayRegion'>,
  fromDate: string,
  count: number,
  language: string,
): { date: string; name: string }[] {
  const year = Number(fromDate.slice(0, 4));
  const hd = calendar.holidayRegion
    ? new Holidays(calendar.country, calendar.holidayRegion, { languages: [language] })
    : new Holidays(calendar.country, { languages: [language] });
  return [year, year + 1]
    .flatMap((y) => hd.getHolidays(y, language) || [])
    .filter((h) => h.type === 'public' && h.date.slice(0, 10) >= fromDate)
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name }))
    .slice(0, count);
}

const localParts = new Map<string, Intl.DateTimeFormat>();

/** The calendar date and minutes past midnight at `at` on the wall clocks of `timeZone`. */
export function localDateTime(timeZone: string, at: Date): { date: string; minutes: number } {
  let format = localParts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    localParts.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    minutes: Number(part.hour) * 60 + Number(part.minute),
  };
}

const minutesOf = (hhmm: string): number => {
  const match = CUTOFF_TIME.exec(hhmm);
  if (!match) throw new RangeError(`cut-off must be HH:MM, got "${hhmm}"`);
  return Number(match[1]) * 60 + Number(match[2]);
};

/**
 * The day work released at `at` is handed to the carrier: today (in the warehouse's time zone)
 * when today is a business day and the cut-off has not passed, else the next business day.
 */
export function shipDateFor(calendar: WarehouseCalendar, at: Date): string {
  const local = localDateTime(calendar.timeZone, at);
  const isHoliday = holidayTest(calendar);
  const today = businessDayOnOrAfter(local.date, isHoliday);
  if (today !== local.date || local.minutes < minutesOf(calendar.cutoffTime)) return today;
  return addBusinessDays(local.date, 1, isHoliday);
}
