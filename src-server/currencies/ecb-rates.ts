// The ECB's euro foreign exchange reference rates, read from the files it publishes: the XML of
// eurofxref-daily.xml / eurofxref-hist.xml / eurofxref-hist-90d.xml (Cube time → Cube currency,
// rate) and the CSV inside eurofxref.zip / eurofxref-hist.zip (a Date column, one column per
// currency, "N/A" where a currency had no rate that day). Every rate is units of the currency per
// euro, kept as the exact decimal written. A currency no longer in ISO 4217 (HRK, CYP, …) is
// skipped and named; anything malformed refuses the whole file, naming where.
import { XMLParser } from 'fast-xml-parser';
import { isCurrencyCode } from '../../shared/money/currencies';
import { formatRate, parseRate } from '../../shared/money/exchange-rates';

export interface ReferenceRate {
  currency: string;
  /** YYYY-MM-DD */
  date: string;
  /** Units of `currency` per euro, without trailing zeros. */
  perEur: string;
}

export interface RateFile {
  rates: ReferenceRate[];
  /** Codes in the file that are not (or no longer) ISO 4217 currencies: not imported. */
  skippedCurrencies: string[];
}

export class RateFileError extends Error {
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(`${where}: ${message}`);
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTHS = [
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'],
  ...['September', 'October', 'November', 'December'],
];

/**
 * "2024-06-28" or the daily CSV's "28 June 2024" (a month's full name or its first three
 * letters), as YYYY-MM-DD; null when neither or no real day.
 */
export function ecbDay(text: string): string | null {
  const written = text.trim();
  let day = written;
  const long = /^(\d{1,2}) ([A-Z][a-z]{2,8}) (\d{4})$/.exec(written);
  if (long) {
    const name = long[2]!;
    const month = MONTHS.findIndex((m) => m === name || m.slice(0, 3) === name) + 1;
    if (month === 0) return null;
    day = `${long[3]}-${String(month).padStart(2, '0')}-${long[1]!.padStart(2, '0')}`;
  }
  if (!ISO_DAY.test(day)) return null;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day) ? day : null;
}

class Collector {
  readonly rates: ReferenceRate[] = [];
  private readonly skipped = new Set<string>();
  private readonly seen = new Set<string>();

  add(currency: string, date: string, rate: string, where: string) {
    const code = currency.trim();
    if (!/^[A-Z]{3}$/.test(code))
      throw new RateFileError(`"${code}" is not a currency code`, where);
    if (!isCurrencyCode(code) || code === 'EUR') {
      this.skipped.add(code);
      return;
    }
    const parsed = parseRate(rate);
    if (!parsed) throw new RateFileError(`"${rate}" is not a positive decimal rate`, where);
    const key = `${code} ${date}`;
    if (this.seen.has(key)) throw new RateFileError(`${code} appears twice for ${date}`, where);
    this.seen.add(key);
    this.rates.push({ currency: code, date, perEur: formatRate(parsed) });
  }

  result(): RateFile {
    if (this.rates.length === 0) throw new RateFileError('holds no exchange rate', 'the file');
    return { rates: this.rates, skippedCurrencies: [...this.skipped].sort() };
  }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  isArray: (name) => name === 'Cube',
  processEntities: false,
});

type Cube = { time?: string; currency?: string; rate?: string; Cube?: Cube[] };

export function parseEcbXml(text: string): RateFile {
  let doc: { Envelope?: { Cube?: Cube[] } };
  try {
    doc = xml.parse(text, true) as typeof doc;
  } catch (error) {
    throw new RateFileError(`is not well-formed XML (${(error as Error).message})`, 'the file');
  }
  const days = doc.Envelope?.Cube?.[0]?.Cube;
  if (!days) throw new RateFileError('has no gesmes:Envelope/Cube/Cube[@time]', 'the file');
  const out = new Collector();
  for (const [i, cube] of days.entries()) {
    const date = ecbDay(cube.time ?? '');
    if (!date) throw new RateFileError(`time "${cube.time ?? ''}" is not a day`, `day ${i + 1}`);
    for (const rate of cube.Cube ?? []) {
      out.add(rate.currency ?? '', date, rate.rate ?? '', `${date} ${rate.currency ?? '?'}`);
    }
  }
  return out.result();
}

export function parseEcbCsv(text: string): RateFile {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((c) => c.trim());
  if (header[0] !== 'Date') throw new RateFileError('does not start with a Date column', 'line 1');
  const out = new Collector();
  for (const [i, line] of lines.slice(1).entries()) {
    const cells = line.split(',').map((c) => c.trim());
    const date = ecbDay(cells[0] ?? '');
    if (!date) throw new RateFileError(`"${cells[0]}" is not a day`, `line ${i + 2}`);
    header.slice(1).forEach((currency, k) => {
      const cell = cells[k + 1] ?? '';
      if (currency === '' || cell === '' || cell === 'N/A') return;
      out.add(currency, date, cell, `line ${i + 2} ${currency}`);
    });
  }
  return out.result();
}

/** XML when it looks like XML, else CSV. */
export function parseEcbRates(text: string): RateFile {
  return text.trimStart().startsWith('<') ? parseEcbXml(text) : parseEcbCsv(text);
}
