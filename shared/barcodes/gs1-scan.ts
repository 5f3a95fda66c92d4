import type { Gs1Element, Gs1Scan, Gs1Symbology, SsccScan } from './scan-result';

/**
 * Lifts the elements a station acts on out of a parsed element string. A code holding nothing
 * but AI (00) is a carton label and is reported as an SSCC scan.
 */
export function toGs1Scan(elements: Gs1Element[], symbology: Gs1Symbology): Gs1Scan | SsccScan {
  const only = elements.length === 1 ? elements[0] : undefined;
  if (only?.ai === '00') return { kind: 'sscc', sscc: only.value };
  const find = (ai: string) => elements.find((element) => element.ai === ai);
  const count = find('37') ?? find('30');
  const weight = elements.find((element) => /^3[12]0\d$/.test(element.ai));
  const scan: Gs1Scan = { kind: 'gs1', symbology, elements };
  assign(scan, 'gtin', find('01')?.value);
  assign(scan, 'sscc', find('00')?.value);
  assign(scan, 'lot', find('10')?.value);
  assign(scan, 'serial', find('21')?.value);
  assign(scan, 'expiry', find('17')?.date);
  assign(scan, 'bestBefore', find('15')?.date);
  assign(scan, 'count', count === undefined ? undefined : Number(count.value));
  if (weight?.decimal !== undefined && weight.unit !== undefined) {
    scan.netWeight = { decimal: weight.decimal, unit: weight.unit };
  }
  return scan;
}

// Leaves absent fields absent rather than present-but-undefined, so results compare cleanly.
function assign<K extends keyof Gs1Scan>(
  scan: Gs1Scan,
  field: K,
  value: Gs1Scan[K] | undefined,
): void {
  if (value !== undefined) scan[field] = value;
}
