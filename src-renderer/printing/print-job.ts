// A print job as the station stores it: local only (never replicated), written before anything
// is sent, so a label survives a printer that is off, out of paper, or an app restart.
import type { RxCollection } from 'rxdb';
import { z } from 'zod';
import { rxSchemaFromZod } from '../db/rx-schema';

const ms = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).multipleOf(1);

export const PrintJobKind = z.enum([
  'shipping-label',
  'packing-slip',
  'return-label',
  'intake-label',
  'cn22',
  'test',
]);
export type PrintJobKind = z.infer<typeof PrintJobKind>;

export const PrintJobState = z.enum(['queued', 'sent', 'done', 'failed']);
export type PrintJobState = z.infer<typeof PrintJobState>;

export const PrintJobDoc = z
  .object({
    id: z.string().min(1).max(64),
    kind: PrintJobKind,
    printerId: z.string().min(1).max(64),
    format: z.enum(['zpl', 'pdf']),
    /** ZPL text, or the PDF as base64. */
    payload: z.string().min(1),
    state: PrintJobState,
    reason: z.string().max(500).nullable(),
    /** For a failed job: true when nothing reached the printer, so the worker may send it again. */
    retryable: z.boolean(),
    attempts: z.number().int().min(0).max(1_000_000),
    createdAt: ms,
    updatedAt: ms,
    /** Carton or shipment id the job belongs to. */
    reference: z.string().max(64).nullable(),
    /** The job this one reprints, if any. */
    reprintOf: z.string().max(64).nullable(),
  })
  .strict();
export type PrintJobDoc = z.infer<typeof PrintJobDoc>;

export type PrintJobsCollection = RxCollection<PrintJobDoc>;
export type PrintJobCollections = { print_jobs: PrintJobsCollection };

/** For `addCollections`: the queue reads jobs per printer in creation order and the history newest first. */
export const PRINT_JOB_COLLECTIONS = {
  print_jobs: {
    schema: rxSchemaFromZod<PrintJobDoc>(PrintJobDoc, {
      version: 0,
      indexes: ['createdAt', ['printerId', 'createdAt']],
    }),
  },
};
