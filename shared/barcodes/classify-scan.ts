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
import type { Gs1Symbology, ScanError, ScanOptions, ScanResult } from './scan-result';
import { parseStationCode } from './station-codes';

/** ISO/IEC 15424 symbology identifiers that announce GS1 element strings. */
const gs1Symbologies: Record<string, Gs1Symbology> = {
  ']C1': 'gs1-128',
  ']d2': 'gs1-datamatrix',
  ']Q3': 'gs1-qr',
  ']e0': 'gs1-databar',
  ']J1': 'gs1-dotcode',
};
/** Symbology identifiers of linear product codes, whose data is a bare GTIN. */
const gtinSymbologies = new Set([']E0', ']E4', ']I1']);

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

  const identifier = readSymbologyIdentifier(text);
  const body = identifier === undefined ? text : text.slice(3);
  const gs1Symbology = identifier === undefined ? undefined : gs1Symbologies[identifier];
  if (gs1Symbology !== undefined)
    return fromElementString(readGs1(body, referenceYear), gs1Symbology);
  if (identifier !== undefined && gtinSymbologies.has(identifier)) {
    const gtin = parseGtin(body);
    return gtin.ok
      ? { kind: 'gtin', gtin14: gtin.gtin14, symbology: gtin.symbology }
      : invalid(gtin);
  }
  return classifyUnannounced(body, referenceYear);
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

/**
 * `]` + symbology letter + modifier. Caps Lock inverts the letter a wedge scanner types, so
 * ']c1' is read as ']C1' when only the inverted form is a known identifier.
 */
function readSymbologyIdentifier(text: string): string | undefined {
  if (!/^\][A-Za-z][0-9A-Za-z]/.test(text)) return undefined;
  const exact = text.slice(0, 3);
  if (exact in gs1Symbologies || gtinSymbologies.has(exact)) return exact;
  const letter = exact.charAt(1);
  const inverted = `]${letter === letter.toUpperCase() ? letter.toLowerCase() : letter.toUpperCase()}${exact.charAt(2)}`;
  return inverted in gs1Symbologies || gtinSymbologies.has(inverted) ? inverted : exact;
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
