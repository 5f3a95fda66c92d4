import { describe, expect, it, vi } from 'vitest';
import type { StationHandlers } from '../../shared/station-api';
import { reason } from '../../shared/reasons/reason';
import { StationApiError } from '../../shared/station-api';
import { unwrapEnvelope } from '../../shared/station-api/client';
import { createDispatcher } from './dispatch';

const connectivity = {
  online: true,
  centralUrl: 'http://127.0.0.1:1',
  lastContactAt: null,
  reason: null,
};

const notUsed = async (): Promise<never> => {
  throw new Error('not used in this test');
};

function makeHandlers(overrides: Partial<StationHandlers> = {}): StationHandlers {
  return {
    getStatus: async () => ({ appVersion: '1.0.0', transport: 'http', connectivity }),
    checkConnectivity: async () => connectivity,
    getEnrolment: notUsed,
    enrol: notUsed,
    syncPull: notUsed,
    syncPush: notUsed,
    allocateSscc: notUsed,
    allocateTrackingNumber: notUsed,
    numberStock: notUsed,
    ...overrides,
  } as StationHandlers;
}

describe('station API dispatch', () => {
  it('answers a valid call with the handler result', async () => {
    const dispatch = createDispatcher(makeHandlers(), vi.fn());
    expect(await dispatch('getStatus', {})).toEqual({
      ok: true,
      value: { appVersion: '1.0.0', transport: 'http', connectivity },
    });
  });

  it('refuses a method that is not in the table, without calling anything', async () => {
    const dispatch = createDispatcher(makeHandlers(), vi.fn());
    expect(await dispatch('constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(await dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  it('refuses arguments that do not match the schema and names the field', async () => {
    const getStatus = vi.fn();
    const dispatch = createDispatcher(makeHandlers({ getStatus }), vi.fn());
    const answer = await dispatch('getStatus', { sneaky: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } });
    expect(getStatus).not.toHaveBeenCalled();
  });

  it('passes a domain error through with its code, and hides internal errors', async () => {
    const log = vi.fn();
    const domainError = createDispatcher(
      makeHandlers({
        getStatus: async () => {
          throw new StationApiError('offline', 'Central OMS is offline');
        },
      }),
      log,
    );
    expect(await domainError('getStatus', {})).toEqual({
      ok: false,
      error: { code: 'offline', message: 'Central OMS is offline', field: undefined },
    });

    const crash = createDispatcher(
      makeHandlers({
        getStatus: async () => {
          throw new Error('ECONNRESET at secret host');
        },
      }),
      log,
    );
    const answer = await crash('getStatus', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('secret host');
    expect(log).toHaveBeenCalledOnce();
  });

  it('passes a domain error’s reason code through, so the renderer can say it in its language', async () => {
    const dispatch = createDispatcher(
      makeHandlers({
        allocateTrackingNumber: async () => {
          throw new StationApiError(
            'label_pending',
            'PostNL numbers cartons online only',
            undefined,
            reason('carrier_online_only', { carrier: 'PostNL' }),
          );
        },
      }),
      vi.fn(),
    );
    const answer = await dispatch('allocateTrackingNumber', { carrier: 'postnl' });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'label_pending',
        message: 'PostNL numbers cartons online only',
        field: undefined,
        reason: { code: 'carrier_online_only', params: { carrier: 'PostNL' } },
      },
    });
    const thrown = await Promise.resolve()
      .then(() => unwrapEnvelope(answer))
      .catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(StationApiError);
    expect((thrown as StationApiError).reason?.code).toBe('carrier_online_only');
  });

  it('refuses to send an answer that breaks the result schema', async () => {
    const dispatch = createDispatcher(
      makeHandlers({ getStatus: async () => ({ appVersion: 7 }) as never }),
      vi.fn(),
    );
    expect(await dispatch('getStatus', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
