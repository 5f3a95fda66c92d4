// The print queue's decisions as plain functions over job documents. The rules:
//
// 1. A job is stored (state `queued`) before anything is sent.
// 2. Per printer, jobs go out one at a time in creation order. A job that failed with `retryable`
//    (nothing reached the printer: paper out, head open, printer off) stays at the head of its
//    printer's line until the printer reports ready, so carton 2's label never overtakes carton 1's.
// 3. No double print: the job id is the idempotency key. Main journals every job id before its first
//    byte leaves and answers a repeated id from the journal (done → "done" without printing;
//    interrupted mid-send → "failed, not retryable"). So the queue may resend the same id as often
//    as it likes (after a lost answer, a reload, a restart) and it prints at most once. Sending
//    again under a NEW id happens only when a packer presses Reprint after looking at the printer.
// 4. On restart, jobs left `sent` go back to `queued` under the same id: main's journal tells
//    whether they printed.
// 5. A voided label (its carton's label and SSCC were voided: a cancelled order) is never sent
//    again nor reprinted; main's journal refuses its id too.
import type { PrintJobResult } from '../../shared/station-api/printing';
import type { PrintJobDoc, PrintJobKind } from './print-job';

export interface NewPrintJob {
  kind: PrintJobKind;
  printerId: string;
  format: PrintJobDoc['format'];
  payload: string;
  reference?: string | null;
  /** The job this one prints again, when a packer asked for a reprint. */
  reprintOf?: string | null;
}

export function newJob(id: string, job: NewPrintJob, now: number): PrintJobDoc {
  return {
    id,
    ...job,
    reference: job.reference ?? null,
    state: 'queued',
    reason: null,
    retryable: false,
    attempts: 0,
    createdAt: now,
    updatedAt: now,
    reprintOf: job.reprintOf ?? null,
  };
}

/** Still the queue's business: waiting, in flight, or refused for a reason that may pass. */
export function isPending(job: PrintJobDoc): boolean {
  return (
    job.state === 'queued' || job.state === 'sent' || (job.state === 'failed' && job.retryable)
  );
}

/** The job the worker handles next on `printerId`, or undefined when its line is empty. */
export function headOfLine(
  jobs: readonly PrintJobDoc[],
  printerId: string,
): PrintJobDoc | undefined {
  return jobs
    .filter((job) => job.printerId === printerId && isPending(job))
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))[0];
}

export function markSent(job: PrintJobDoc, now: number): Partial<PrintJobDoc> {
  if (job.state !== 'queued' && job.state !== 'sent')
    throw new Error(`job ${job.id} is ${job.state}, not queued`);
  return { state: 'sent', attempts: job.attempts + 1, updatedAt: now };
}

export function applyResult(
  job: PrintJobDoc,
  result: PrintJobResult,
  now: number,
): Partial<PrintJobDoc> {
  if (result.outcome === 'done')
    return { state: 'done', reason: null, retryable: false, updatedAt: now };
  return { state: 'failed', reason: result.reason, retryable: result.retryable, updatedAt: now };
}

/** The printer is ready again: a job refused with nothing sent goes back in line under the same id. */
export function requeue(job: PrintJobDoc, now: number): Partial<PrintJobDoc> {
  if (!(job.state === 'failed' && job.retryable))
    throw new Error(`job ${job.id} cannot be retried automatically`);
  return { state: 'queued', updatedAt: now };
}

/** After a restart: jobs that were in flight are sent again under the same id (rule 4). */
export function recoverAfterRestart(job: PrintJobDoc, now: number): Partial<PrintJobDoc> | null {
  return job.state === 'sent'
    ? { state: 'queued', reason: 'resumed after restart', updatedAt: now }
    : null;
}

/** A packer's reprint: a new job with a new id, so main treats it as a new label. */
export function reprintOf(
  job: PrintJobDoc,
  id: string,
  now: number,
  printerId = job.printerId,
): PrintJobDoc {
  return {
    ...newJob(
      id,
      {
        kind: job.kind,
        printerId,
        format: job.format,
        payload: job.payload,
        reference: job.reference,
      },
      now,
    ),
    reprintOf: job.id,
  };
}

/** The reason a voided label's job carries (the history shows it as "voided"). */
export const VOIDED_LABEL = 'voided';

export function isVoidedJob(job: PrintJobDoc): boolean {
  return job.reason === VOIDED_LABEL;
}

/**
 * Voids a job (rule 5): one still waiting fails for good; one printed keeps its state, marked.
 * Null when it is void already.
 */
export function voidJob(job: PrintJobDoc, now: number): Partial<PrintJobDoc> | null {
  if (isVoidedJob(job)) return null;
  const state = job.state === 'done' ? 'done' : 'failed';
  return { state, reason: VOIDED_LABEL, retryable: false, updatedAt: now };
}

/** Wait before asking a not-ready printer again: 0.5 s doubling to 30 s. */
export function statusPollDelay(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** Math.min(attempt, 10));
}
