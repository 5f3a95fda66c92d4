import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBusinessDay } from './business-days';
import {
  holidayRegionsOf,
  holidayTest,
  isTimeZone,
  localDateTime,
  shipDateFor,
  upcomingHolidays,
  type WarehouseCalendar,
} from './warehouse-calendar';

const tilburg: WarehouseCalendar = {
  timeZone: 'Europe/Amsterdam',
  cutoffTime: '17:00',
  country: 'NL',
  holidayRegion: null,
};
const at = (iso: string) => new Date(iso);

describe('the ship date of work released at a given instant', () => {
  it.each([
    ['Monday before the cut-off (CET, UTC+1): today', '2026-12-07T15:59:00Z', '2026-12-07'],
    ['Monday at the cut-off: the next business day', '2026-12-07T16:00:00Z', '2026-12-08'],
    ['Friday after the cut-off: Monday', '2026-12-11T16:30:00Z', '2026-12-14'],
    ['Saturday: Monday', '2026-12-12T09:00:00Z', '2026-12-14'],
    [
      'Christmas Eve after the cut-off: past Christmas and the weekend',
      '2026-12-24T17:00:00Z',
      '2026-12-28',
    ],
    [
      "the day before King's Day after the cut-off: the day after it",
      '2027-04-26T15:30:00Z',
      '2027-04-28',
    ],
    ["King's Day itself: the day after", '2027-04-27T08:00:00Z', '2027-04-28'],
    ['Friday 17:30 summer time (UTC+2) is after the cut-off', '2026-10-23T15:30:00Z', '2026-10-26'],
    [
      'Monday 16:30 winter time, after the clocks went back: today',
      '2026-10-26T15:30:00Z',
      '2026-10-26',
    ],
    [
      'New Year’s Eve at 23:30 UTC is already New Year’s Day in Tilburg',
      '2026-12-31T23:30:00Z',
      '2027-01-04',
    ],
  ])('%s', (_case, instant, expected) => {
    expect(shipDateFor(tilburg, at(instant))).toBe(expected);
  });

  it('uses the warehouse’s own zone and country: Tokyo closes before Amsterdam wakes', () => {
    const tokyo = {
      timeZone: 'Asia/Tokyo',
      cutoffTime: '17:00',
      country: 'JP',
      holidayRegion: null,
    };
    // 09:30 UTC is 18:30 in Tokyo (after the cut-off) and 10:30 in Tilburg (before it).
    expect(shipDateFor(tokyo, at('2026-12-07T09:30:00Z'))).toBe('2026-12-08');
    expect(shipDateFor(tilburg, at('2026-12-07T09:30:00Z'))).toBe('2026-12-07');
  });

  it('applies regional holidays only where the region has them (Epiphany in Bavaria, not in NRW)', () => {
    const base = { timeZone: 'Europe/Berlin', cutoffTime: '17:00', country: 'DE' };
    const morning = at('2027-01-06T08:00:00Z');
    expect(shipDateFor({ ...base, holidayRegion: 'BY' }, morning)).toBe('2027-01-07');
    expect(shipDateFor({ ...base, holidayRegion: 'NW' }, morning)).toBe('2027-01-06');
    expect(holidayRegionsOf('DE')).toHaveProperty('BY');
    expect(holidayRegionsOf('ZZ')).toEqual({});
  });

  it('knows US public holidays such as Thanksgiving', () => {
    const reno = {
      timeZone: 'America/Los_Angeles',
      cutoffTime: '15:00',
      country: 'US',
      holidayRegion: null,
    };
    expect(shipDateFor(reno, at('2026-11-26T18:00:00Z'))).toBe('2026-11-27');
  });

  it('is always a business day, never before the local date, and today exactly when allowed', () => {
    const zones = [
      ['Europe/Amsterdam', 'NL'],
      ['Europe/Brussels', 'BE'],
      ['Europe/Berlin', 'DE'],
      ['Europe/London', 'GB'],
      ['America/New_York', 'US'],
      ['Asia/Tokyo', 'JP'],
    ] as const;
    fc.assert(
      fc.property(
        fc.date({
          min: at('2026-01-01T00:00:00Z'),
          max: at('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        (instant, [timeZone, country], cutoffMinutes) => {
          const cutoffTime = `${String(Math.floor(cutoffMinutes / 60)).padStart(2, '0')}:${String(cutoffMinutes % 60).padStart(2, '0')}`;
          const calendar = { timeZone, cutoffTime, country, holidayRegion: null };
          const shipDate = shipDateFor(calendar, instant);
          const local = localDateTime(timeZone, instant);
          const isHoliday = holidayTest(calendar);
          expect(isBusinessDay(shipDate, isHoliday)).toBe(true);
          expect(shipDate >= local.date).toBe(true);
          const days = (Date.parse(shipDate) - Date.parse(local.date)) / 86_400_000;
          expect(days).toBeLessThanOrEqual(10);
          const today = isBusinessDay(local.date, isHoliday) && local.minutes < cutoffMinutes;
          expect(shipDate === local.date).toBe(today);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('calendar data', () => {
  it('accepts IANA zones and refuses anything else', () => {
    expect(isTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    for (const bad of ['', 'Europe/Tilburg', 'CET+1', 'x'.repeat(100)]) {
      expect(isTimeZone(bad)).toBe(false);
    }
  });

  it('lists the next public holidays with names in the asked language', () => {
    const next = upcomingHolidays(tilburg, '2026-12-20', 3, 'nl');
    expect(next).toEqual([
      { date: '2026-12-25', name: 'Kerstmis' },
      { date: '2026-12-26', name: 'Tweede kerstdag' },
      { date: '2027-01-01', name: 'Nieuwjaar' },
    ]);
    expect(upcomingHolidays(tilburg, '2026-12-20', 1, 'en')[0]!.name).toMatch(/Christmas/);
  });
});
