import { describe, expect, it } from 'vitest';
import type { PrintJobDoc } from './print-job';
import {
  applyResult,
  headOfLine,
  markSent,
  newJob,
  recoverAfterRestart,
  reprintOf,
  requeue,
  statusPollDelay,
  voidJob,
} from './print-queue-rules';

function makeJob(overrides: Partial<PrintJobDoc> = {}): PrintJobDoc {
  return {
    ...newJob(
      overrides.id ?? 'job-1',
      {
        kind: 'shipping-label',
        printerId: 'zebra-1',
        format: 'zpl',
        payload: '^XA^XZ',
        reference: 'carton-1',
      },
      overrides.createdAt ?? 1000,
    ),
    ...overrides,
  };
}

describe('print queue rules', () => {
  it('sends the oldest pending job of a printer first and ignores other printers and finished jobs', () => {
    const jobs = [
      makeJob({ id: 'done-first', createdAt: 1, state: 'done' }),
      makeJob({ id: 'second', createdAt: 3 }),
      makeJob({ id: 'first', createdAt: 2 }),
      makeJob({ id: 'other-printer', createdAt: 0, printerId: 'zebra-2' }),
      makeJob({ id: 'gave-up', createdAt: 1, state: 'failed', retryable: false }),
    ];
    expect(headOfLine(jobs, 'zebra-1')?.id).toBe('first');
  });

  it('keeps a job refused for paper out at the head of its line so later cartons wait behind it', () => {
    const jobs = [
      makeJob({ id: 'carton-1', createdAt: 1, state: 'failed', retryable: true }),
      makeJob({ id: 'carton-2', createdAt: 2 }),
    ];
    expect(headOfLine(jobs, 'zebra-1')?.id).toBe('carton-1');
  });

  it('walks queued → sent → done and counts the attempt', () => {
    const job = makeJob();
    const sent = { ...job, ...markSent(job, 2000) };
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, updatedAt: 2000 });
    expect({
      ...sent,
      ...applyResult(sent, { outcome: 'done', printerId: 'zebra-1' }, 2100),
    }).toMatchObject({ state: 'done', reason: null });
  });

  it('records the reason and whether a failure may be retried', () => {
    const sent = { ...makeJob(), ...markSent(makeJob(), 2000) };
    const failed = {
      ...sent,
      ...applyResult(
        sent,
        { outcome: 'failed', reason: 'paper out', faults: ['paper-out'], retryable: true },
        2100,
      ),
    };
    expect(failed).toMatchObject({ state: 'failed', reason: 'paper out', retryable: true });
    expect({ ...failed, ...requeue(failed, 2200) }).toMatchObject({
      state: 'queued',
      reason: 'paper out',
    });
  });

  it('refuses to retry automatically a job that may have printed', () => {
    const ambiguous = makeJob({ state: 'failed', retryable: false, reason: 'connection reset' });
    expect(() => requeue(ambiguous, 3000)).toThrow(/cannot be retried/);
    expect(headOfLine([ambiguous], 'zebra-1')).toBeUndefined();
  });

  it('refuses to send a finished job again', () => {
    expect(() => markSent(makeJob({ state: 'done' }), 3000)).toThrow();
  });

  it('puts a job left in flight by a restart back in line under the same id', () => {
    const inFlight = makeJob({ state: 'sent', attempts: 1 });
    expect(recoverAfterRestart(inFlight, 5000)).toEqual({
      state: 'queued',
      reason: 'resumed after restart',
      updatedAt: 5000,
    });
    expect(recoverAfterRestart(makeJob({ state: 'done' }), 5000)).toBeNull();
  });

  it('makes a reprint a new job with a new id that points at the original', () => {
    const original = makeJob({ id: 'orig', state: 'done', attempts: 1 });
    const copy = reprintOf(original, 'copy', 9000, 'zebra-2');
    expect(copy).toMatchObject({
      id: 'copy',
      reprintOf: 'orig',
      printerId: 'zebra-2',
      state: 'queued',
      attempts: 0,
      payload: original.payload,
      reference: 'carton-1',
    });
  });

  it('backs off status polls from half a second to at most 30 seconds', () => {
    expect([0, 1, 2, 3].map(statusPollDelay)).toEqual([500, 1000, 2000, 4000]);
    expect(statusPollDelay(50)).toBe(30_000);
  });

  it('voids a waiting label for good and marks a printed one, once, so neither is sent or reprinted', () => {
    const waiting = voidJob(makeJob({ state: 'queued' }), 5);
    expect(waiting).toMatchObject({ state: 'failed', retryable: false, updatedAt: 5 });
    const printed = voidJob(makeJob({ state: 'done' }), 5);
    expect(printed).toMatchObject({ state: 'done', retryable: false });
    const voided = makeJob({ ...waiting });
    expect(headOfLine([voided], 'zebra-1')).toBeUndefined();
    expect(voidJob(voided, 6)).toBeNull();
  });
});
