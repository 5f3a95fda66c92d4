// Calendar dates (YYYY-MM-DD, no time of day) and a plan's rhythm. A subscription delivers on the
// dates of its rhythm: an anchor date plus whole multiples of the interval (every N days, weeks
// or months; a monthly rhythm keeps its day of the month, clamped to short months, so the 31st
// becomes the 30th in April and comes back in May). Pure functions over strings.

export type IsoDate = string;

export interface Rhythm {
  unit: 'day' | 'week' | 'month';
  count: number;
  /** For "on day X of the month" plans: the day every date keeps (clamped to the month). */
  dayOfMonth: number | null;
}

const DAY_MS = 86_400_000;

const toUtc = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);
export const earlierOf = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** The date `months` months after (y, m), on `day` clamped to that month's length. */
function monthDate(year: number, monthIndex: number, months: number, day: number): IsoDate {
  const total = year * 12 + monthIndex + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12;
  return fromUtc(Date.UTC(y, m, Math.min(day, daysInMonth(y, m))));
}

function parts(date: IsoDate) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { year: y, monthIndex: m - 1, day: d };
}

/** The day of the month a monthly rhythm anchored at `anchor` keeps. */
const anchorDay = (anchor: IsoDate, rhythm: Rhythm) => rhythm.dayOfMonth ?? parts(anchor).day;

/** The k-th date of the rhythm (k may be negative: dates before the anchor). */
export function rhythmDate(anchor: IsoDate, rhythm: Rhythm, k: number): IsoDate {
  if (rhythm.unit === 'month') {
    const { year, monthIndex } = parts(anchor);
    return monthDate(year, monthIndex, k * rhythm.count, anchorDay(anchor, rhythm));
  }
  const step = rhythm.count * (rhythm.unit === 'week' ? 7 : 1);
  return addDays(anchor, k * step);
}

/** The first date of the rhythm on or after `min`. */
export function firstOnOrAfter(anchor: IsoDate, rhythm: Rhythm, min: IsoDate): IsoDate {
  let k: number;
  if (rhythm.unit === 'month') {
    const a = parts(anchor);
    const b = parts(min);
    k = Math.floor((b.year * 12 + b.monthIndex - (a.year * 12 + a.monthIndex)) / rhythm.count) - 1;
  } else {
    const step = rhythm.count * (rhythm.unit === 'week' ? 7 : 1);
    k = Math.floor(daysBetween(anchor, min) / step) - 1;
  }
  while (rhythmDate(anchor, rhythm, k) < min) k += 1;
  return rhythmDate(anchor, rhythm, k);
}

/** The first date of the rhythm after `date`. */
export function nextAfter(anchor: IsoDate, rhythm: Rhythm, date: IsoDate): IsoDate {
  return firstOnOrAfter(anchor, rhythm, addDays(date, 1));
}

/** A subscription's anchor: its first renewal date, moved onto the plan's day for day-of-month plans. */
export function anchorFor(firstDate: IsoDate, rhythm: Rhythm): IsoDate {
  if (rhythm.dayOfMonth === null) return firstDate;
  const { year, monthIndex } = parts(firstDate);
  const sameMonth = monthDate(year, monthIndex, 0, rhythm.dayOfMonth);
  return sameMonth >= firstDate ? sameMonth : monthDate(year, monthIndex, 1, rhythm.dayOfMonth);
}

/** About how many days one interval lasts (for monthly recurring revenue). */
export function averageIntervalDays(rhythm: Rhythm): number {
  if (rhythm.unit === 'month') return rhythm.count * (365.25 / 12);
  return rhythm.count * (rhythm.unit === 'week' ? 7 : 1);
}

/** Today's date in a time zone (the clock is an instant; renewals happen on calendar days). */
export function dateIn(timeZone: string, instant: Date): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}
