import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase, type RxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  PrinterStatus,
  PrintJobRequest,
  PrintJobResult,
} from '../../shared/station-api/printing';
import { StationApiError } from '../../shared/station-api/define';
import { PRINT_JOB_COLLECTIONS, type PrintJobCollections, type PrintJobDoc } from './print-job';
import {
  enqueuePrint,
  PrintQueueWorker,
  reprintJob,
  voidLabelJobs,
  type PrintQueueStation,
} from './print-queue';

/** A main process in miniature: answers printJob from a script and remembers what it printed. */
function makeStation(answers: (request: PrintJobRequest) => PrintJobResult | Error) {
  const printed: string[] = [];
  const requests: PrintJobRequest[] = [];
  let ready = true;
  const listeners = new Set<(status: PrinterStatus) => void>();
  const station: PrintQueueStation = {
    printJob: async (request) => {
      requests.push(request);
      const answer = answers(request);
      if (answer instanceof Error) throw answer;
      if (answer.outcome === 'done') printed.push(request.jobId);
      return answer;
    },
    printerStatus: async ({ printerId }) => ({
      printerId,
      ready,
      faults: ready ? [] : ['paper-out'],
      detail: null,
      checkedAt: new Date().toISOString(),
    }),
    on: ((event: string, listener: (status: PrinterStatus) => void) => {
      if (event === 'printerStatus') listeners.add(listener);
      return () => listeners.delete(listener);
    }) as PrintQueueStation['on'],
  };
  return {
    station,
    printed,
    requests,
    setReady(printerId: string, value: boolean) {
      ready = value;
      for (const listener of listeners)
        listener({
          printerId,
          ready,
          faults: [],
          detail: null,
          checkedAt: new Date().toISOString(),
        });
    },
  };
}

let db: RxDatabase<PrintJobCollections>;
let worker: PrintQueueWorker | undefined;
const label = (reference: string) => ({
  kind: 'shipping-label' as const,
  printerId: 'zebra-1',
  format: 'zpl' as const,
  payload: `^XA^FD${reference}^FS^XZ`,
  reference,
});
const jobState = async (id: string) =>
  (await db.print_jobs.findOne(id).exec())?.toJSON() as PrintJobDoc;
const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 5000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

beforeEach(async () => {
  db = await createRxDatabase<PrintJobCollections>({
    name: `print-queue-${crypto.randomUUID().slice(0, 8)}`,
    storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
    multiInstance: false,
  });
  await db.addCollections(PRINT_JOB_COLLECTIONS);
});

afterEach(async () => {
  worker?.stop();
  worker = undefined;
  await db.remove();
});

describe('print queue', () => {
  it('stores the job before sending it, then prints cartons in the order they were packed', async () => {
    const main = makeStation(() => ({ outcome: 'done', printerId: 'zebra-1' }));
    const first = await enqueuePrint(db.print_jobs, label('carton-1'));
    expect(await jobState(first.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(main.requests).toHaveLength(0);

    const second = await enqueuePrint(db.print_jobs, label('carton-2'));
    worker = new PrintQueueWorker(db.print_jobs, main.station);
    await worker.start();
    await until(async () => (await jobState(second.id)).state === 'done');
    expect(main.printed).toEqual([first.id, second.id]);
    expect(main.requests[0]).toMatchObject({
      jobId: first.id,
      format: 'zpl',
      text: '^XA^FDcarton-1^FS^XZ',
    });
  });

  it('holds a job refused for paper out and sends it once the printer reports ready', async () => {
    let paperOut = true;
    const main = makeStation(() =>
      paperOut
        ? { outcome: 'failed', reason: 'paper out', faults: ['paper-out'], retryable: true }
        : { outcome: 'done', printerId: 'zebra-1' },
    );
    worker = new PrintQueueWorker(db.print_jobs, main.station);
    await worker.start();
    const job = await enqueuePrint(db.print_jobs, label('carton-1'));
    await until(async () => (await jobState(job.id)).state === 'failed');
    expect(await jobState(job.id)).toMatchObject({ reason: 'paper out', retryable: true });

    paperOut = false;
    main.setReady('zebra-1', true);
    await until(async () => (await jobState(job.id)).state === 'done');
    expect(main.printed).toEqual([job.id]);
    expect((await jobState(job.id)).attempts).toBe(2);
  });

  it('resends under the same id when main did not answer, so main can refuse a second print', async () => {
    let calls = 0;
    // What the web host transport throws when the station service does not answer.
    const main = makeStation(() =>
      ++calls === 1
        ? new StationApiError('station_unreachable', 'The station service is not running')
        : { outcome: 'done', printerId: 'zebra-1' },
    );
    worker = new PrintQueueWorker(db.print_jobs, main.station);
    await worker.start();
    const job = await enqueuePrint(db.print_jobs, label('carton-1'));
    await until(async () => (await jobState(job.id)).state === 'done');
    expect(main.requests.map((request) => request.jobId)).toEqual([job.id, job.id]);
  });

  it('leaves a job that may have printed failed, without retrying it, and keeps the line moving', async () => {
    const main = makeStation((request) =>
      request.text?.includes('carton-1')
        ? {
            outcome: 'failed',
            reason: 'connection reset while sending',
            faults: ['unreachable'],
            retryable: false,
          }
        : { outcome: 'done', printerId: 'zebra-1' },
    );
    worker = new PrintQueueWorker(db.print_jobs, main.station);
    await worker.start();
    const ambiguous = await enqueuePrint(db.print_jobs, label('carton-1'));
    const next = await enqueuePrint(db.print_jobs, label('carton-2'));
    await until(async () => (await jobState(next.id)).state === 'done');
    expect(await jobState(ambiguous.id)).toMatchObject({
      state: 'failed',
      retryable: false,
      attempts: 1,
    });
    expect(main.requests.filter((request) => request.jobId === ambiguous.id)).toHaveLength(1);
  });

  it('marks a job failed when main refuses the request itself', async () => {
    const main = makeStation(
      () => new StationApiError('unknown_printer', 'No printer with id "zebra-1"', 'printerId'),
    );
    worker = new PrintQueueWorker(db.print_jobs, main.station);
    await worker.start();
    const job = await enqueuePrint(db.print_jobs, label('carton-1'));
    await until(async () => (await jobState(job.id)).state === 'failed');
    expect(await jobState(job.id)).toMatchObject({
      retryable: false,
      reason: 'No printer with id "zebra-1"',
    });
  });

  it('after a restart sends a job left in flight again under the same id', async () => {
    const job = await enqueuePrint(db.print_jobs, label('carton-1'));
    await (await db.print_jobs.findOne(job.id).exec())!.incrementalPatch({
      state: 'sent',
      attempts: 1,
    });
    const main = makeStation(() => ({ outcome: 'done', printerId: 'zebra-1' }));
    worker = new PrintQueueWorker(db.print_jobs, main.station);
    await worker.start();
    await until(async () => (await jobState(job.id)).state === 'done');
    expect(main.requests.map((request) => request.jobId)).toEqual([job.id]);
  });

  it('reprints from history as a new job that main prints again', async () => {
    const main = makeStation(() => ({ outcome: 'done', printerId: 'zebra-1' }));
    worker = new PrintQueueWorker(db.print_jobs, main.station);
    await worker.start();
    const job = await enqueuePrint(db.print_jobs, label('carton-1'));
    await until(async () => (await jobState(job.id)).state === 'done');
    const copy = await reprintJob(db.print_jobs, job.id);
    await until(async () => (await jobState(copy.id)).state === 'done');
    expect(copy.id).not.toBe(job.id);
    expect(main.printed).toEqual([job.id, copy.id]);
  });

  it('voids the labels of a carton: a waiting one is never sent, a printed one is never reprinted, main is told once', async () => {
    let paperOut = false;
    const main = makeStation(() =>
      paperOut
        ? { outcome: 'failed', reason: 'paper out', faults: ['paper-out'], retryable: true }
        : { outcome: 'done', printerId: 'zebra-1' },
    );
    worker = new PrintQueueWorker(db.print_jobs, main.station);
    await worker.start();
    const printed = await enqueuePrint(db.print_jobs, label('carton-1'));
    await until(async () => (await jobState(printed.id)).state === 'done');
    paperOut = true;
    const waiting = await enqueuePrint(db.print_jobs, label('carton-2'));
    await until(async () => (await jobState(waiting.id)).state === 'failed');
    const other = await enqueuePrint(db.print_jobs, label('carton-3'));
    const told: string[][] = [];
    const voidPrintJobs = async ({ jobIds }: { jobIds: string[] }) => {
      told.push(jobIds);
      return { voided: jobIds.length };
    };
    const voided = await voidLabelJobs(db.print_jobs, { voidPrintJobs }, ['carton-1', 'carton-2']);
    expect(voided.map((j) => j.id).sort()).toEqual([printed.id, waiting.id].sort());
    expect(await voidLabelJobs(db.print_jobs, { voidPrintJobs }, ['carton-1'])).toEqual([]);
    expect(told).toEqual([expect.arrayContaining([printed.id, waiting.id])]);
    paperOut = false;
    main.setReady('zebra-1', true);
    await until(async () => (await jobState(other.id)).state === 'done');
    expect(main.printed).toEqual([printed.id, other.id]);
    expect(await jobState(waiting.id)).toMatchObject({ state: 'failed', retryable: false });
    await expect(reprintJob(db.print_jobs, printed.id)).rejects.toThrow(/voided/);
  });
});
