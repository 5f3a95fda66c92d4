// Calendar days (a quote's "valid until" 2026-12-31) in the reader's language. A day has no
// time zone: formatting it at UTC midnight keeps it the same day everywhere.
export function formatDay(isoDate: string, language: string): string {
  const day = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return isoDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}
