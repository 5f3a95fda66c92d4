// One order for codes (SKUs, warehouse codes, e-mail keys, ids) wherever the server sorts them:
// code-unit order, as PostgreSQL's "C" collation sorts ASCII text. It never depends on the
// server's locale, so tie-breaks are stable, locks are taken in the same order by every writer,
// and lists built in memory come out as the same query `order by ... collate "C"` would give.
export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
