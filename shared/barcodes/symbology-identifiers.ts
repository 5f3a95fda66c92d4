// Symbology identifiers (ISO/IEC 15424: `]` + symbology letter + modifier) a scanner may put in
// front of its data, and what the data behind each one is. Only the identifiers the GS1 General
// Specifications list for GS1 data carriers (figure 5.1.2-2, "Symbology identifiers"; the outside
// test calls it the §5.4.6 table) announce GS1 data. Every other modifier of the same symbology
// (]C0 plain Code 128, ]d1 plain Data Matrix, ]Q1 plain QR, ]I0 ITF without check digit, the ECI
// and FNC1-in-second-position variants) carries plain text, never GS1 element strings.
import type { Gs1Symbology } from './scan-result';

export type IdentifiedData =
  /** GS1 application identifier element strings (FNC1 in first position). */
  | { reading: 'element-string'; symbology: Exclude<Gs1Symbology, 'unknown'> }
  /** A bare GTIN of one of these lengths; `addOn` lengths follow it in the same data. */
  | { reading: 'gtin'; name: string; lengths: readonly number[]; addOnLengths?: readonly number[] }
  /** A 2- or 5-digit EAN/UPC add-on sent on its own: identifies no product. */
  | { reading: 'add-on-only' }
  /** Not GS1 element strings: read as plain text (station codes, or unknown). */
  | { reading: 'plain' };

/** The GS1 General Specifications' table, identifier by identifier. */
export const gs1SymbologyIdentifiers: Readonly<Record<string, IdentifiedData>> = {
  ']E0': { reading: 'gtin', name: 'EAN-13, UPC-A or UPC-E (as 13 digits)', lengths: [13, 12] },
  ']E1': { reading: 'add-on-only' },
  ']E2': { reading: 'add-on-only' },
  ']E3': {
    reading: 'gtin',
    name: 'EAN-13, UPC-A or UPC-E with add-on',
    lengths: [13],
    addOnLengths: [2, 5],
  },
  ']E4': { reading: 'gtin', name: 'EAN-8', lengths: [8] },
  ']I1': { reading: 'gtin', name: 'ITF-14', lengths: [14] },
  ']C1': { reading: 'element-string', symbology: 'gs1-128' },
  ']e0': { reading: 'element-string', symbology: 'gs1-databar' },
  ']d2': { reading: 'element-string', symbology: 'gs1-datamatrix' },
  ']Q3': { reading: 'element-string', symbology: 'gs1-qr' },
  ']J1': { reading: 'element-string', symbology: 'gs1-dotcode' },
};

/**
 * ISO/IEC 15424 identifiers of the same symbologies that are NOT GS1 (listed so the tests can
 * name each one; any other well-formed identifier is plain too).
 */
export const plainSymbologyIdentifiers: Readonly<Record<string, string>> = {
  ']C0': 'Code 128, no FNC1 in first or second position',
  ']C2': 'Code 128, FNC1 in second position (AIM application indicator)',
  ']C4': 'Code 128, ISBT 128 concatenation',
  ']d0': 'Data Matrix ECC 000–140',
  ']d1': 'Data Matrix ECC 200',
  ']d3': 'Data Matrix ECC 200, FNC1 in second or sixth position',
  ']d4': 'Data Matrix ECC 200 with ECI',
  ']d5': 'Data Matrix ECC 200, FNC1 in first or fifth position, with ECI',
  ']d6': 'Data Matrix ECC 200, FNC1 in second or sixth position, with ECI',
  ']Q0': 'QR Code model 1',
  ']Q1': 'QR Code model 2, no ECI',
  ']Q2': 'QR Code model 2 with ECI',
  ']Q4': 'QR Code with ECI, FNC1 in first position',
  ']Q5': 'QR Code, FNC1 in second position',
  ']Q6': 'QR Code with ECI, FNC1 in second position',
  ']I0': 'Interleaved 2 of 5, no check digit',
  ']I3': 'Interleaved 2 of 5, check digit validated and not sent',
  ']J0': 'DotCode, no FNC1',
  ']J2': 'DotCode, FNC1 in second position',
  ']J3': 'DotCode with ECI',
  ']e1': 'GS1 Composite packet sent on its own (after a symbol separator)',
  ']e2': 'GS1 Composite packet sent on its own (after an escape character)',
  ']e3': 'GS1 Composite packet sent on its own (escape character, ECI)',
  ']A0': 'Code 39',
  ']L0': 'PDF417',
  ']z0': 'Aztec Code',
  ']X0': 'other symbology',
};

/** `]` + symbology letter + one modifier character (ISO/IEC 15424 §5). */
const identifierShape = /^\][A-Za-z][0-9A-Za-z]/;

export interface SymbologyIdentifier {
  identifier: string;
  data: IdentifiedData;
}

/**
 * The identifier the text opens with, or undefined when it opens with none. Caps Lock inverts the
 * letter a keyboard-wedge scanner types, so ']c1' (no identifier of ISO/IEC 15424) is read as
 * ']C1'; an identifier the standard defines (]e1, ]d1) is taken as it came.
 */
export function readSymbologyIdentifier(text: string): SymbologyIdentifier | undefined {
  if (!identifierShape.test(text)) return undefined;
  const exact = text.slice(0, 3);
  const known = gs1SymbologyIdentifiers[exact];
  if (known) return capsLockedEan(exact, text.slice(3)) ?? { identifier: exact, data: known };
  const plain: SymbologyIdentifier = { identifier: exact, data: { reading: 'plain' } };
  if (exact in plainSymbologyIdentifiers) return plain;
  const inverted = invertLetter(exact);
  const invertedKnown = gs1SymbologyIdentifiers[inverted];
  return invertedKnown ? { identifier: inverted, data: invertedKnown } : plain;
}

/**
 * ']e0' is both GS1 DataBar and a Caps-Locked ']E0'. DataBar data always holds at least AI 01 and
 * 14 digits, so a bare EAN/UPC length of digits can only be the EAN.
 */
function capsLockedEan(exact: string, body: string): SymbologyIdentifier | undefined {
  if (exact !== ']e0' || !/^(\d{12}|\d{13})$/.test(body)) return undefined;
  return { identifier: ']E0', data: gs1SymbologyIdentifiers[']E0']! };
}

function invertLetter(identifier: string): string {
  const letter = identifier.charAt(1);
  const flipped = letter === letter.toUpperCase() ? letter.toLowerCase() : letter.toUpperCase();
  return `]${flipped}${identifier.charAt(2)}`;
}
