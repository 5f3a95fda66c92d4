import { classifyScan } from '../../shared/barcodes';

/**
 * A keyboard-wedge scanner sends key positions, not characters. Set to US-QWERTY on a station
 * with a Belgian or French AZERTY layout, it types what those positions mean on AZERTY: the
 * digit row becomes `&é"'(§è!çà` (BE) or `&é"'(-è_çà` (FR), A/Q and Z/W swap, M moves.
 * These tables map each character the AZERTY layout produced back to what the scanner meant.
 */
export type AzertyLayout = 'azerty-be' | 'azerty-fr';

/**
 * Pairs of strings read side by side: the character AZERTY typed, and the US-QWERTY character
 * of the same key. Shared rows first; the layouts differ only at 6, 8, '=', '/' and their shifts.
 */
const sharedRows: [typed: string, meant: string][] = [
  ['&é"\'(èçà', '12345790'], // digit row; 6 and 8 differ per layout
  ['1234567890', '!@#$%^&*()'], // digit row with Shift
  [')°', '-_'],
  ['aAqQzZwW', 'qQaAwWzZ'],
  ['mM,?;.:/', ';:mM,<.>'],
  ['ù%$', '\'"]'],
];

const repairTables: Record<AzertyLayout, Map<string, string>> = {
  'azerty-fr': repairTable([...sharedRows, ['-_=+!§£', '68=+/?}']]),
  'azerty-be': repairTable([...sharedRows, ['§!-_=+*', '68=+/?}']]),
};

function repairTable(rows: [typed: string, meant: string][]): Map<string, string> {
  const table = new Map<string, string>();
  for (const [typed, meant] of rows) {
    [...typed].forEach((char, index) => table.set(char, meant.charAt(index)));
  }
  return table;
}

/** Characters an AZERTY layout types that no barcode we print or read contains. */
const azertyOnly = /[éèçà§ù°£²µ]/;

export interface LayoutMismatch {
  suspect: boolean;
  /** Absent when the scan reads the same under both layouts (no 6, 8, / … in it). */
  layout?: AzertyLayout;
  /** What the scanner meant, read as US-QWERTY. */
  repaired?: string;
}

/** What a US-QWERTY scanner meant, given what it typed on this AZERTY layout. */
export function repairQwertyOnAzerty(raw: string, layout: AzertyLayout): string {
  const table = repairTables[layout];
  return [...raw].map((char) => table.get(char) ?? char).join('');
}

/**
 * Suspects a mismatch when the scan holds characters only AZERTY types, or when it is not a code
 * we know while its repair is. The layout whose repair reads as a known code wins; otherwise the
 * one whose repair has more barcode-safe characters (digits, capitals, '-', ':').
 */
export function detectLayoutMismatch(raw: string): LayoutMismatch {
  if (isKnownCode(raw)) return azertyOnly.test(raw) ? suspectBest(raw) : { suspect: false };
  const best = suspectBest(raw);
  if (azertyOnly.test(raw) || (best.repaired !== undefined && isKnownCode(best.repaired)))
    return best;
  return { suspect: false };
}

function suspectBest(raw: string): LayoutMismatch {
  const candidates = (['azerty-be', 'azerty-fr'] as const).map((layout) => {
    const repaired = repairQwertyOnAzerty(raw, layout);
    const safe = [...repaired].filter((char) => /[0-9A-Z:-]/.test(char)).length;
    return { layout, repaired, score: (isKnownCode(repaired) ? 1000 : 0) + safe };
  });
  const [be, fr] = candidates as [(typeof candidates)[0], (typeof candidates)[0]];
  // When both layouts repair to the same text, the scan cannot tell them apart: name neither.
  if (fr.repaired === be.repaired) return { suspect: true, repaired: fr.repaired };
  const best = fr.score >= be.score ? fr : be;
  return { suspect: true, layout: best.layout, repaired: best.repaired };
}

function isKnownCode(text: string): boolean {
  const kind = classifyScan(text).kind;
  return kind !== 'unknown' && kind !== 'invalid';
}
