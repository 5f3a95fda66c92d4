// What the packer hears after asking for a shipment's labels again.
import type { FeedbackMessage } from '../picking/pick-feedback';
import type { ReprintResult } from './label-hand-off';

export function reprintFeedback(result: ReprintResult): FeedbackMessage {
  if ('reason' in result) {
    if (result.reason === 'no-printer') return { tone: 'error', key: 'printing.noLabelPrinter' };
    if (result.reason === 'no-label-printing')
      return { tone: 'error', key: 'printing.noLabelPrinting' };
    return { tone: 'error', key: 'printing.reprintFailed', values: { message: result.message } };
  }
  if (result.reprinted === 0) return { tone: 'warning', key: 'printing.nothingToReprint' };
  return { tone: 'success', key: 'printing.labelsReprinted', values: { count: result.reprinted } };
}
