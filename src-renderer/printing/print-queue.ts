// The station's print queue: jobs are stored in RxDB before they are sent, and a worker sends them
// per printer, in order, through the station API. The rules (ordering, retry, no double print,
// restart) are in print-queue-rules.ts; this file applies them to the collection.
import type { StationApi } from '../../shared/station-api';
import { StationApiError } from '../../shared/station-api/define';
import type { PrintJobDoc, PrintJobsCollection } from './print-job';
import type { NewPrintJob } from './print-queue-rules';
import {
  applyResult,
  headOfLine,
  isVoidedJob,
  markSent,
  newJob,
  recoverAfterRestart,
  reprintOf,
  requeue,
  statusPollDelay,
  voidJob,
} from './print-queue-rules';

export type PrintQueueStation = Pick<StationApi, 'printJob' | 'printerStatus' | 'on'>;

let lastCreatedAt = 0;
/** Creation time, strictly increasing within this window so two cartons scanned in one ms keep their order. */
function nextCreatedAt(): number {
  lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1);
  return lastCreatedAt;
}

/** Stores the job (state `queued`); a running worker picks it up from the collection's change feed. */
export async function enqueuePrint(
  collection: PrintJobsCollection,
  job: NewPrintJob,
): Promise<PrintJobDoc> {
  const doc = newJob(crypto.randomUUID(), job, nextCreatedAt());
  await collection.insert(doc);
  return doc;
}

/** A packer's reprint from history: a new job (new id), optionally on another printer. */
export async function reprintJob(
  collection: PrintJobsCollection,
  jobId: string,
  printerId?: string,
): Promise<PrintJobDoc> {
  const original = await collection.findOne(jobId).exec();
  if (!original) throw new Error(`No print job ${jobId}`);
  if (isVoidedJob(original.toJSON() as PrintJobDoc))
    throw new Error(`Print job ${jobId} is a voided label: it is not printed again`);
  const doc = reprintOf(
    original.toJSON() as PrintJobDoc,
    crypto.randomUUID(),
    nextCreatedAt(),
    printerId,
  );
  await collection.insert(doc);
  return doc;
}

/**
 * Voids the labels of cartons (and their shipment's slip), by reference: in the queue first (the
 * worker sends none of them again), then in main's journal, which also refuses a job already on
 * its way. Main out of reach leaves the queue's void standing. Answers the jobs voided.
 */
export async function voidLabelJobs(
  collection: PrintJobsCollection,
  station: Pick<StationApi, 'voidPrintJobs'>,
  references: readonly string[],
): Promise<PrintJobDoc[]> {
  if (references.length === 0) return [];
  const docs = await collection.find({ selector: { reference: { $in: [...references] } } }).exec();
  const voided: PrintJobDoc[] = [];
  const now = Date.now();
  for (const doc of docs) {
    const patch = voidJob(doc.toJSON() as PrintJobDoc, now);
    if (patch) voided.push((await doc.incrementalPatch(patch)).toJSON() as PrintJobDoc);
  }
  if (voided.length > 0)
    await station.voidPrintJobs({ jobIds: voided.map((job) => job.id) }).catch((err: unknown) => {
      console.warn('voided labels not journalled in main:', err);
    });
  return voided;
}

/** Error codes with which main refused the request before printing anything; every other error is a lost answer. */
const REFUSALS = new Set(['invalid_arguments', 'unknown_method', 'unknown_printer', 'no_spooler']);

interface PrinterLine {
  running: boolean;
  again: boolean;
}

export class PrintQueueWorker {
  private stopped = false;
  private readonly lines = new Map<string, PrinterLine>();
  private readonly wakers = new Map<string, Set<() => void>>();
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    private readonly collection: PrintJobsCollection,
    private readonly station: PrintQueueStation,
  ) {}

  async start(): Promise<void> {
    const now = Date.now();
    for (const doc of await this.collection.find({ selector: { state: 'sent' } }).exec()) {
      const patch = recoverAfterRestart(doc.toJSON() as PrintJobDoc, now);
      if (patch) await doc.incrementalPatch(patch);
    }
    const changes = this.collection.$.subscribe((event) => {
      if (event.operation === 'INSERT') this.poke(event.documentData.printerId);
    });
    this.unsubscribers.push(() => changes.unsubscribe());
    this.unsubscribers.push(
      this.station.on('printerStatus', (status) => {
        if (status.ready) for (const wake of this.wakers.get(status.printerId) ?? []) wake();
      }),
    );
    const pending = await this.collection
      .find({ selector: { state: { $in: ['queued', 'failed'] } } })
      .exec();
    for (const printerId of new Set(pending.map((doc) => doc.printerId))) this.poke(printerId);
  }

  stop(): void {
    this.stopped = true;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    for (const wakers of this.wakers.values()) for (const wake of wakers) wake();
  }

  /** Resolves when no printer line is being worked on (tests, benchmark). */
  async idle(): Promise<void> {
    while ([...this.lines.values()].some((line) => line.running))
      await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private poke(printerId: string): void {
    let line = this.lines.get(printerId);
    if (!line) this.lines.set(printerId, (line = { running: false, again: false }));
    line.again = true;
    if (!line.running) void this.drain(printerId, line);
  }

  private async drain(printerId: string, line: PrinterLine): Promise<void> {
    line.running = true;
    try {
      while (line.again && !this.stopped) {
        line.again = false;
        await this.sendAll(printerId);
      }
    } catch (err) {
      console.error(`print queue for printer ${printerId} stopped:`, err);
    } finally {
      line.running = false;
    }
  }

  private async sendAll(printerId: string): Promise<void> {
    let transportFailures = 0;
    while (!this.stopped) {
      const jobs = await this.collection
        .find({
          selector: { printerId, state: { $in: ['queued', 'sent', 'failed'] } },
          sort: [{ createdAt: 'asc' }],
        })
        .exec();
      const head = headOfLine(
        jobs.map((doc) => doc.toJSON() as PrintJobDoc),
        printerId,
      );
      if (!head) return;
      const doc = jobs.find((candidate) => candidate.id === head.id);
      if (!doc) return;

      if (head.state === 'failed') {
        if (!(await this.waitForReady(printerId))) return;
        // Read again: the job may have been voided (or reprinted) while the printer was not ready.
        const fresh = await this.collection.findOne(head.id).exec();
        const current = fresh?.toJSON() as PrintJobDoc | undefined;
        if (fresh && current && headOfLine([current], printerId)?.state === 'failed')
          await fresh.incrementalPatch(requeue(current, Date.now()));
        continue;
      }

      const sent = await doc.incrementalPatch(markSent(head, Date.now()));
      try {
        const result = await this.station.printJob({
          jobId: head.id,
          printerId,
          format: head.format,
          ...(head.format === 'zpl' ? { text: head.payload } : { bytesBase64: head.payload }),
        });
        await sent.incrementalPatch(applyResult(head, result, Date.now()));
        transportFailures = 0;
      } catch (err) {
        if (err instanceof StationApiError && REFUSALS.has(err.code)) {
          // Main refused the request itself (unknown printer, bad arguments): nothing was printed.
          await sent.incrementalPatch({
            state: 'failed',
            reason: err.message,
            retryable: false,
            updatedAt: Date.now(),
          });
          continue;
        }
        // No answer: main may or may not have printed. Sending the same id again is safe (rule 3).
        await sent.incrementalPatch({
          reason: err instanceof Error ? err.message : String(err),
          updatedAt: Date.now(),
        });
        await this.sleep(printerId, statusPollDelay(transportFailures++));
      }
    }
  }

  /** Polls the printer's status with backoff; a `printerStatus` event saying ready ends the wait early. */
  private async waitForReady(printerId: string): Promise<boolean> {
    for (let attempt = 0; !this.stopped; attempt++) {
      if (await this.sleep(printerId, statusPollDelay(attempt))) return !this.stopped;
      try {
        if ((await this.station.printerStatus({ printerId })).ready) return true;
      } catch {
        // Main unreachable: keep waiting with the same backoff.
      }
    }
    return false;
  }

  /** Resolves true when woken by a ready event, false when the delay ran out. */
  private sleep(printerId: string, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wakers = this.wakers.get(printerId) ?? new Set<() => void>();
      this.wakers.set(printerId, wakers);
      const wake = () => finish(true);
      const timer = setTimeout(() => finish(false), ms);
      function finish(woken: boolean) {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve(woken);
      }
      wakers.add(wake);
    });
  }
}
