/**
 * What a scan turned out to be. Every scanner input ends in exactly one of these kinds, so a
 * screen can switch on `kind` and must decide what to say for `invalid` and `unknown` too.
 */
export type ScanResult =
  GtinScan | Gs1Scan | SsccScan | StationCodeScan | CommandScan | InvalidScan | UnknownScan;

export type GtinSymbology = 'ean-13' | 'upc-a' | 'ean-8' | 'gtin-14';

/** A plain product barcode; `gtin14` is always 14 digits (shorter GTINs left-padded with zeros). */
export interface GtinScan {
  kind: 'gtin';
  gtin14: string;
  symbology: GtinSymbology;
  /** The 2- or 5-digit EAN/UPC add-on read with it (identifier ]E3), e.g. an issue number. */
  addOn?: string;
}

export type Gs1Symbology =
  'gs1-128' | 'gs1-datamatrix' | 'gs1-qr' | 'gs1-databar' | 'gs1-dotcode' | 'unknown';

export type MeasureUnit = 'kg' | 'lb';

/** One application identifier with its data, as read from a GS1 element string. */
export interface Gs1Element {
  ai: string;
  /** GS1 data title, e.g. 'BATCH/LOT'. */
  label: string;
  /** The data characters exactly as encoded (a date stays YYMMDD, a weight stays 6 digits). */
  value: string;
  /** Date AIs (11, 12, 13, 15, 16, 17): the calendar day as `YYYY-MM-DD`. */
  date?: string;
  /** Measure AIs (310n, 320n, 330n, 340n): exact decimal text, e.g. '0.525', and its unit. */
  decimal?: string;
  unit?: MeasureUnit;
  /** AI 421/422: ISO 3166-1 numeric country code. */
  countryCode?: string;
}

/** A GS1 element string, with the elements a packing station usually needs lifted out. */
export interface Gs1Scan {
  kind: 'gs1';
  symbology: Gs1Symbology;
  elements: Gs1Element[];
  gtin?: string;
  sscc?: string;
  lot?: string;
  serial?: string;
  /** AI 17, `YYYY-MM-DD`. */
  expiry?: string;
  /** AI 15, `YYYY-MM-DD`. */
  bestBefore?: string;
  /** AI 37 (count of trade items in a logistic unit) or else AI 30 (variable count). */
  count?: number;
  /** AI 310n or 320n. */
  netWeight?: { decimal: string; unit: MeasureUnit };
}

/** A logistic unit label: a bare 18-digit SSCC or a GS1 code holding only AI (00). */
export interface SsccScan {
  kind: 'sscc';
  sscc: string;
}

export type StationCodeKind = 'bin' | 'tote' | 'fulfillment' | 'operator' | 'box' | 'rma';

/** One of the station's own labels (see README.md); `code` is the normalised identifier. */
export interface StationCodeScan {
  kind: StationCodeKind;
  code: string;
}

export const stationCommands = [
  'DONE',
  'SHORT',
  'CANCEL',
  'NEXT-CARTON',
  'CLOSE-CARTON',
  'UNDO',
  'SKIP',
  'REPRINT',
  'SIGN-OUT',
  'BATCH',
] as const;
export type StationCommand = (typeof stationCommands)[number];

export interface CommandScan {
  kind: 'command';
  command: StationCommand;
}

export type ScanErrorCode =
  | 'empty'
  | 'bad-check-digit'
  | 'unknown-ai'
  | 'truncated'
  | 'value-too-long'
  | 'empty-value'
  | 'invalid-characters'
  | 'invalid-date'
  | 'invalid-decimal-position'
  | 'conflicting-ai'
  | 'malformed-brackets'
  | 'unknown-command'
  | 'invalid-station-code';

export interface ScanError {
  code: ScanErrorCode;
  message: string;
}

/** It looks like a code we know, but it is wrong: the packer must hear that it is NOT valid. */
export interface InvalidScan extends ScanError {
  kind: 'invalid';
}

/** Not a shape we recognise at all. */
export interface UnknownScan {
  kind: 'unknown';
  raw: string;
}

export interface ScanOptions {
  /**
   * Year the two-digit GS1 years are resolved against (GS1 General Specifications §7.12 sliding
   * window). Defaults to the current year; tests pin it.
   */
  referenceYear?: number;
  /**
   * Printable characters the scanner was configured to send in place of FNC1/GS, because a
   * keyboard wedge cannot always type ASCII 29 (e.g. '~'). Must not be a GS1 data character.
   */
  fnc1Substitutes?: readonly string[];
}
