import { isValidSscc } from '../gs1/sscc';
import {
  GS,
  isBracketedElementString,
  parseBracketedElementString,
  parseElementString,
  type ElementStringParse,
} from './gs1-element-string';
import { toGs1Scan } from './gs1-scan';
import { checkDigitError, hasGtinLength, parseGtin } from './gtin';
import type { Gs1Symbology, GtinScan, ScanError, ScanOptions, ScanResult } from './scan-result';
import { parseStationCode } from './station-codes';
import { readSymbologyIdentifier, type IdentifiedData } from './symbology-identifiers';

/** Printed and copy-pasted stand-in for GS (U+241D SYMBOL FOR GROUP SEPARATOR). */
const gsSymbol = '\u241d';

/**
 * Tells what a scanner sent: a product GTIN, a GS1 element string, an SSCC, one of the station's
 * own codes, or nothing valid. Never throws; bad input comes back as `invalid` (looks like a code
 * we know but is wrong) or `unknown`.
 */
export function classifyScan(raw: string, options: ScanOptions = {}): ScanResult {
  const referenceYear = options.referenceYear ?? new Date().getFullYear();
  let text = raw.replace(/^[\r\n\t ]+|[\r\n\t ]+$/g, '').replaceAll(gsSymbol, GS);
  for (const substitute of options.fnc1Substitutes ?? []) {
    if (substitute !== '') text = text.replaceAll(substitute, GS);
  }
  if (text.replaceAll(GS, '') === '')
    return invalid({ code: 'empty', message: 'The scan held no data' });

  const identified = readSymbologyIdentifier(text);
  if (identified === undefined) return classifyUnannounced(text, referenceYear);
  const body = text.slice(3);
  const { data } = identified;
  switch (data.reading) {
    case 'element-string':
      return fromElementString(readGs1(body, referenceYear), data.symbology);
    case 'gtin':
      return fromAnnouncedGtin(body, data);
    case 'add-on-only':
      return { kind: 'unknown', raw: body };
    case 'plain':
      return classifyPlainText(body);
  }
}

/**
 * Data behind a non-GS1 symbology identifier (plain Code 128, Data Matrix, QR...): one of the
 * station's own codes, or text a screen may look up (an order or tracking number). Never GS1.
 */
function classifyPlainText(text: string): ScanResult {
  return parseStationCode(text) ?? { kind: 'unknown', raw: text };
}

/** A GTIN behind an EAN/UPC or ITF-14 identifier: its length is the symbology's, nothing else. */
function fromAnnouncedGtin(
  body: string,
  data: Extract<IdentifiedData, { reading: 'gtin' }>,
): ScanResult {
  const addOns = data.addOnLengths ?? [0];
  const gtinLength = data.lengths.find((length) =>
    addOns.some((addOn) => body.length === length + addOn),
  );
  if (!/^\d+$/.test(body) || gtinLength === undefined) {
    const sizes = data.lengths.flatMap((length) => addOns.map((addOn) => length + addOn));
    return invalid({
      code: 'invalid-characters',
      message: `${data.name} sends ${sizes.join(' or ')} digits; got "${body}"`,
    });
  }
  const gtin = parseGtin(body.slice(0, gtinLength));
  if (!gtin.ok) return invalid(gtin);
  const scan: GtinScan = { kind: 'gtin', gtin14: gtin.gtin14, symbology: gtin.symbology };
  if (body.length > gtinLength) scan.addOn = body.slice(gtinLength);
  return scan;
}

/** Reads data that came without a GS1 symbology identifier, where the shape has to tell. */
function classifyUnannounced(text: string, referenceYear: number): ScanResult {
  if (text.startsWith(GS) || isBracketedElementString(text)) {
    return fromElementString(readGs1(text, referenceYear), 'unknown');
  }
  const stationCode = parseStationCode(text);
  if (stationCode !== undefined) return stationCode;
  if (hasGtinLength(text)) {
    const gtin = parseGtin(text);
    return gtin.ok
      ? { kind: 'gtin', gtin14: gtin.gtin14, symbology: gtin.symbology }
      : invalid(gtin);
  }
  if (/^\d{18}$/.test(text)) {
    return isValidSscc(text)
      ? { kind: 'sscc', sscc: text }
      : invalid(checkDigitError('SSCC', text));
  }
  // Plain Code 128 data can look like an element string by accident ("10-A" would be a lot), so
  // without an identifier only strings opening with a GS1 key (SSCC, GTIN, content) count.
  if (/^0[012]\d/.test(text))
    return fromElementString(parseElementString(text, referenceYear), 'unknown');
  return { kind: 'unknown', raw: text };
}

function readGs1(body: string, referenceYear: number): ElementStringParse {
  return isBracketedElementString(body)
    ? parseBracketedElementString(body, referenceYear)
    : parseElementString(body, referenceYear);
}

function fromElementString(parsed: ElementStringParse, symbology: Gs1Symbology): ScanResult {
  if (!parsed.ok) return invalid(parsed);
  if (parsed.elements.length === 0)
    return invalid({ code: 'empty', message: 'The GS1 code held no elements' });
  return toGs1Scan(parsed.elements, symbology);
}

function invalid({ code, message }: ScanError): ScanResult {
  return { kind: 'invalid', code, message };
}

/** The 14-digit GTIN a scan identifies an item by, from a plain product code or a GS1 code. */
export function scannedGtin(result: ScanResult): string | undefined {
  if (result.kind === 'gtin') return result.gtin14;
  if (result.kind === 'gs1') return result.gtin;
  return undefined;
}

/**
 * The characters a scan carried, without the symbology identifier and the scanner's line end:
 * what a screen looks up when the scan is no code of ours (an order or tracking number).
 */
export function scannedText(raw: string): string {
  const text = raw.replace(/^[\r\n\t ]+|[\r\n\t ]+$/g, '');
  return readSymbologyIdentifier(text) === undefined ? text : text.slice(3);
}
