// What the packer hears and reads for each picking outcome.
import type { FeedbackTone } from '../sound/feedback-sounds';
import type { FeedbackValues } from '../sound/feedback-store';
import type { PickOutcome } from './pick-rules';

export interface FeedbackMessage {
  tone: FeedbackTone;
  key: string;
  values?: FeedbackValues;
}

export function pickFeedback(
  outcome: PickOutcome,
  nameOf: (sku: string) => string,
): FeedbackMessage {
  switch (outcome.kind) {
    case 'bin-confirmed':
      return { tone: 'success', key: 'pick.binConfirmed', values: { bin: outcome.bin } };
    case 'wrong-bin':
      return {
        tone: 'error',
        key: outcome.expected ? 'pick.wrongBin' : 'pick.nothingInBin',
        values: { scanned: outcome.scanned, expected: outcome.expected ?? '' },
      };
    case 'scan-bin-first':
      return { tone: 'warning', key: 'pick.scanBinFirst', values: { bin: outcome.bin } };
    case 'picked':
      return {
        tone: 'success',
        key: 'pick.picked',
        values: {
          name: nameOf(outcome.sku),
          quantity: outcome.quantity,
          remaining: outcome.remaining,
        },
      };
    case 'shorted':
      return {
        tone: 'warning',
        key: 'pick.shorted',
        values: { name: nameOf(outcome.sku), quantity: outcome.quantity },
      };
    case 'wrong-item':
      return {
        tone: 'error',
        key: 'scan.wrongItem',
        values: { name: nameOf(outcome.sku), sku: outcome.sku },
      };
    case 'unknown-item':
      return { tone: 'error', key: 'scan.unknownBarcode' };
    case 'over-pick':
      return { tone: 'error', key: 'pick.overPick', values: { name: nameOf(outcome.sku) } };
    case 'invalid':
      return {
        tone: 'error',
        key: outcome.code === 'bad-check-digit' ? 'scan.badCheckDigit' : 'scan.invalidCode',
        values: { message: outcome.message },
      };
    case 'not-expected':
      return { tone: 'warning', key: 'scan.notExpected' };
  }
}
