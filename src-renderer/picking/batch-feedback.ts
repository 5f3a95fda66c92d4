// What the packer hears and reads during a batch: tote hand-out, and the walk, where a picked item
// is said with its tote; every other outcome reads exactly as in single picking.
import type { BatchOutcome } from './batch-rules';
import type { ToteOutcome } from './tote-rules';
import { pickFeedback, type FeedbackMessage } from './pick-feedback';

export function batchFeedback(
  outcome: BatchOutcome,
  nameOf: (sku: string) => string,
): FeedbackMessage {
  if (outcome.kind !== 'into-tote') return pickFeedback(outcome, nameOf);
  return {
    tone: 'success',
    key: 'batch.intoTote',
    values: {
      tote: outcome.tote,
      order: outcome.orderNumber,
      name: nameOf(outcome.sku),
      quantity: outcome.quantity,
      remaining: outcome.remaining,
    },
  };
}

export function toteFeedback(outcome: ToteOutcome): FeedbackMessage {
  switch (outcome.kind) {
    case 'tote-assigned':
      return {
        tone: 'success',
        key: 'batch.toteAssigned',
        values: { tote: outcome.tote, order: outcome.orderNumber },
      };
    case 'tote-in-batch':
      return {
        tone: 'error',
        key: 'batch.toteInBatch',
        values: { tote: outcome.tote, order: outcome.orderNumber },
      };
    case 'tote-busy':
      return {
        tone: 'error',
        key: 'batch.toteBusy',
        values: { tote: outcome.tote, order: outcome.orderNumber },
      };
    case 'totes-complete':
      return { tone: 'warning', key: 'batch.totesComplete' };
  }
}
