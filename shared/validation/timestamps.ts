// Dates and timestamps from outside (channel payloads, API bodies, station pushes) are checked for
// format and for a sane range before anything stores or computes with them: a year 0 or 275760
// parses as ISO 8601 but breaks PostgreSQL and Date arithmetic.
import { z } from 'zod';

/** The earliest and latest instant the OMS accepts from outside (inclusive, UTC). */
export const EARLIEST_ACCEPTED = '2000-01-01';
export const LATEST_ACCEPTED = '2100-12-31';

const earliestMs = Date.parse(`${EARLIEST_ACCEPTED}T00:00:00Z`);
const latestMs = Date.parse(`${LATEST_ACCEPTED}T23:59:59.999Z`);
const RANGE = `must lie between ${EARLIEST_ACCEPTED} and ${LATEST_ACCEPTED}`;

export function isWithinAcceptedRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= earliestMs && ms <= latestMs;
}

/** An ISO 8601 date-time with a UTC offset (`2026-12-03T10:00:00+01:00` or `…Z`), in range. */
export function acceptedDateTime() {
  return z.iso
    .datetime({
      offset: true,
      error: 'must be an ISO 8601 date-time with a time zone',
      abort: true,
    })
    .refine((value) => isWithinAcceptedRange(Date.parse(value)), { message: RANGE, abort: true });
}

/** A calendar date `YYYY-MM-DD` that exists (no 30 February), in range. */
export function acceptedDate() {
  return z.iso
    .date({ error: 'must be a date as YYYY-MM-DD', abort: true })
    .refine((value) => isWithinAcceptedRange(Date.parse(`${value}T00:00:00Z`)), {
      message: RANGE,
      abort: true,
    });
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A query filter's instant (`from`, `to`): a date-time with a time zone, or a date meaning its
 * midnight UTC; in range either way, as a Date.
 */
export function acceptedInstant() {
  const dateTime = acceptedDateTime();
  const date = acceptedDate();
  return z.string().transform((value, ctx) => {
    const dateOnly = DATE_ONLY.test(value);
    const parsed = (dateOnly ? date : dateTime).safeParse(value);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'is not a date';
      ctx.addIssue({
        code: 'custom',
        message: dateOnly ? message : `${message} (or a YYYY-MM-DD date)`,
      });
      return z.NEVER;
    }
    return new Date(dateOnly ? `${value}T00:00:00Z` : value);
  });
}
