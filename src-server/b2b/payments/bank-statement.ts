// Incoming payments read from a bank statement: a CSV export (comma or semicolon separated, with
// a header naming the columns) or a CAMT.053 XML statement (ISO 20022). Plain functions over the
// file's text; a malformed row is a BankStatementError naming the row and the column, so nothing
// of a bad file is imported. Outgoing payments (debits) are left out: only money coming in can
// pay an invoice.
import { createHash } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { minorUnitDigits } from '../../../shared/money/currencies';

export interface BankPayment {
  /** The bank's transaction id, else a hash of the row: the same row imported twice is one. */
  transactionKey: string;
  bookedOn: string;
  amountMinor: number;
  currency: string;
  counterparty: string;
  remittance: string;
}

export class BankStatementError extends Error {
  constructor(
    message: string,
    readonly row: number,
    readonly column: string,
  ) {
    super(`Row ${row}, column ${column}: ${message}`);
  }
}

const HEADER_NAMES: Record<string, keyof Omit<BankPayment, 'transactionKey'> | 'transactionId'> = {
  date: 'bookedOn',
  booking_date: 'bookedOn',
  amount: 'amountMinor',
  currency: 'currency',
  name: 'counterparty',
  counterparty: 'counterparty',
  description: 'remittance',
  remittance: 'remittance',
  reference: 'remittance',
  transaction_id: 'transactionId',
  id: 'transactionId',
};
const REQUIRED = ['bookedOn', 'amountMinor', 'currency', 'remittance'] as const;

/** One CSV record's fields, with "quoted" fields that may hold the separator or "" quotes. */
function splitRecord(line: string, separator: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/** "1.234,56" / "1,234.56" / "-12.5" / "12" in the currency's minor units; null if not a number. */
export function parseAmountMinor(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const clean = text.replace(/\s/g, '');
  const m = /^([+-]?)(\d{1,3}(?:([.,])\d{3})*|\d+)(?:([.,])(\d+))?$/.exec(clean);
  if (!m) return null;
  const [, sign, whole, thousands, decimalMark, fraction = ''] = m;
  if (thousands && decimalMark === thousands) return null;
  if (fraction.length > digits) return null;
  const units = Number(whole!.replace(/[.,]/g, '')) * 10 ** digits;
  const minor = units + Number(fraction.padEnd(digits, '0') || '0');
  return sign === '-' ? -minor : minor;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DUTCH_DAY = /^(\d{2})-(\d{2})-(\d{4})$/;
function parseDay(text: string): string | null {
  const day = ISO_DAY.test(text)
    ? text
    : DUTCH_DAY.test(text)
      ? text.replace(DUTCH_DAY, '$3-$2-$1')
      : /^\d{8}$/.test(text)
        ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`
        : null;
  if (day === null || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return null;
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day ? day : null;
}

const rowHash = (parts: readonly string[]) =>
  `sha256:${createHash('sha256').update(parts.join('\u001f')).digest('hex')}`;

/** The incoming payments of a bank CSV export. */
export function parseBankCsv(text: string): BankPayment[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const separator = header.split(';').length > header.split(',').length ? ';' : ',';
  const columns = splitRecord(header, separator).map((h) => h.toLowerCase().replace(/\s+/g, '_'));
  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    const field = HEADER_NAMES[name];
    if (field && !index.has(field)) index.set(field, i);
  });
  for (const field of REQUIRED)
    if (!index.has(field))
      throw new BankStatementError(
        `the header needs a ${Object.keys(HEADER_NAMES).find((k) => HEADER_NAMES[k] === field)} column`,
        1,
        field,
      );
  const payments: BankPayment[] = [];
  const seen = new Map<string, number>();
  lines.forEach((line, i) => {
    if (i === 0 || line.trim() === '') return;
    const row = i + 1;
    const fields = splitRecord(line, separator);
    const at = (field: string) => {
      const k = index.get(field);
      return k === undefined ? '' : (fields[k] ?? '');
    };
    const column = (field: string) => columns[index.get(field)!]!;
    const currency = at('currency').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency))
      throw new BankStatementError(`"${currency}" is not a currency code`, row, column('currency'));
    const bookedOn = parseDay(at('bookedOn'));
    if (!bookedOn)
      throw new BankStatementError(
        `"${at('bookedOn')}" is not a date (YYYY-MM-DD, DD-MM-YYYY or YYYYMMDD)`,
        row,
        column('bookedOn'),
      );
    const amountMinor = parseAmountMinor(at('amountMinor'), currency);
    if (amountMinor === null)
      throw new BankStatementError(
        `"${at('amountMinor')}" is not an amount in ${currency}`,
        row,
        column('amountMinor'),
      );
    if (amountMinor <= 0) return;
    const id = at('transactionId');
    // Two identical rows without an id are two payments: the occurrence counts in the hash.
    const base = rowHash([
      bookedOn,
      String(amountMinor),
      currency,
      at('counterparty'),
      at('remittance'),
    ]);
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    payments.push({
      transactionKey: id ? `id:${id}` : occurrence === 1 ? base : `${base}#${occurrence}`,
      bookedOn,
      amountMinor,
      currency,
      counterparty: at('counterparty'),
      remittance: at('remittance'),
    });
  });
  return payments;
}

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
type Node = Record<string, unknown>;
const text = (value: unknown): string =>
  value === undefined || value === null
    ? ''
    : typeof value === 'object'
      ? text((value as Node)['#text'])
      : String(value as string | number);

/**
 * The incoming payments (CdtDbtInd CRDT, status BOOK) of a CAMT.053 statement. The row number a
 * problem names is the entry's position (1 = the first Ntry) in the statement.
 */
export function parseCamt053(xml: string): BankPayment[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
  });
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (error) {
    throw new BankStatementError((error as Error).message, 1, 'Document');
  }
  const statements = list(
    ((doc.Document as Node | undefined)?.BkToCstmrStmt as Node | undefined)?.Stmt as Node[],
  );
  if (statements.length === 0)
    throw new BankStatementError('no BkToCstmrStmt/Stmt: not a CAMT.053 statement', 1, 'Document');
  const payments: BankPayment[] = [];
  let row = 0;
  for (const stmt of statements)
    for (const entry of list(stmt.Ntry as Node[])) {
      row += 1;
      if (text(entry.CdtDbtInd) !== 'CRDT') continue;
      const status = entry.Sts as Node | string | undefined;
      const code = typeof status === 'object' ? text(status.Cd) : text(status);
      if (code !== '' && code !== 'BOOK') continue;
      const amt = entry.Amt as Node | string | undefined;
      const currency = typeof amt === 'object' ? text(amt['@_Ccy']) : '';
      if (!/^[A-Z]{3}$/.test(currency))
        throw new BankStatementError('Amt has no Ccy currency code', row, 'Amt');
      const amountMinor = parseAmountMinor(text(amt), currency);
      if (amountMinor === null || amountMinor <= 0)
        throw new BankStatementError(`"${text(amt)}" is not an amount in ${currency}`, row, 'Amt');
      const booking = entry.BookgDt as Node | undefined;
      const bookedOn = parseDay(text(booking?.Dt) || text(booking?.DtTm).slice(0, 10));
      if (!bookedOn) throw new BankStatementError('BookgDt has no date', row, 'BookgDt');
      const details = list((entry.NtryDtls as Node | undefined)?.TxDtls as Node[])[0];
      const remittanceInfo = details?.RmtInf as Node | undefined;
      const structured = list(remittanceInfo?.Strd as Node[])
        .map((s) => text(((s.CdtrRefInf as Node | undefined)?.Ref as unknown) ?? ''))
        .filter((r) => r !== '');
      const remittance = [...structured, ...list(remittanceInfo?.Ustrd).map(text)].join(' ');
      const refs = details?.Refs as Node | undefined;
      const related = details?.RltdPties as Node | undefined;
      const debtor = (related?.Dbtr as Node | undefined) ?? {};
      const counterparty = text((debtor.Pty as Node | undefined)?.Nm ?? debtor.Nm);
      const endToEnd = text(refs?.EndToEndId);
      const id =
        text(entry.AcctSvcrRef) ||
        text(refs?.AcctSvcrRef) ||
        (endToEnd === 'NOTPROVIDED' ? '' : endToEnd);
      payments.push({
        transactionKey: id
          ? `id:${id}`
          : rowHash([
              bookedOn,
              String(amountMinor),
              currency,
              counterparty,
              remittance,
              String(row),
            ]),
        bookedOn,
        amountMinor,
        currency,
        counterparty,
        remittance,
      });
    }
  return payments;
}
