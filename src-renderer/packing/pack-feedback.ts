// What the packer hears and reads for each packing outcome.
import type { FeedbackMessage } from '../picking/pick-feedback';
import type { PackOutcome } from './pack-rules';

export function packFeedback(
  outcome: PackOutcome,
  nameOf: (sku: string) => string,
): FeedbackMessage {
  switch (outcome.kind) {
    case 'packed':
      return {
        tone: 'success',
        key: 'pack.packed',
        values: {
          name: nameOf(outcome.sku),
          packed: outcome.packed,
          expected: outcome.expected,
          carton: outcome.cartonNumber,
        },
      };
    case 'wrong-item':
      return {
        tone: 'error',
        key: 'scan.wrongItem',
        values: { name: nameOf(outcome.sku), sku: outcome.sku },
      };
    case 'over-scan':
      return { tone: 'error', key: 'pack.overScan', values: { name: nameOf(outcome.sku) } };
    case 'unknown-barcode':
      return { tone: 'error', key: 'scan.unknownBarcode' };
    case 'bad-check-digit':
      return { tone: 'error', key: 'scan.badCheckDigit', values: { message: outcome.message } };
    case 'invalid-code':
      return { tone: 'error', key: 'scan.invalidCode', values: { message: outcome.message } };
    case 'open-carton-first':
      return { tone: 'warning', key: 'pack.openCartonFirst' };
    case 'needs-trace':
      return { tone: 'error', key: 'pack.needsTrace', values: { name: nameOf(outcome.sku) } };
    case 'duplicate-serial':
      return { tone: 'error', key: 'pack.duplicateSerial', values: { serial: outcome.serial } };
    case 'not-expected':
      return { tone: 'warning', key: 'scan.notExpected' };
  }
}
