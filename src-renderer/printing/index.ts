// What the rest of the renderer uses from printing: the queue, its worker, and the screens.
export { enqueuePrint, PrintQueueWorker, reprintJob, voidLabelJobs } from './print-queue';
export type { PrintQueueStation } from './print-queue';
export type { NewPrintJob } from './print-queue-rules';
export type { PrintJobDoc, PrintJobKind, PrintJobState } from './print-job';
export { PrinterSetupScreen } from './printer-setup-screen';
export { PrintQueuePanel } from './print-queue-panel';
export { LabelPreview, renderLabelPreview } from './label-preview';
