// The one place a station API call is checked: the method must be in the table, its arguments
// must match the table's schema, and the handler's answer must match the result schema. Both
// transports (IPC and the web host) call dispatch(), so validation cannot differ between them.
import { z } from 'zod';
import type { Envelope, StationHandlers } from '../../shared/station-api';
import { StationApiError, isStationMethod, stationMethods } from '../../shared/station-api';

export type Dispatch = (method: string, rawArgs: unknown) => Promise<Envelope<unknown>>;

export function createDispatcher(
  handlers: StationHandlers,
  log: (msg: string, err: unknown) => void,
): Dispatch {
  return async (method, rawArgs) => {
    if (!isStationMethod(method)) {
      return {
        ok: false,
        error: { code: 'unknown_method', message: `The station API has no method "${method}"` },
      };
    }
    const spec = stationMethods[method];
    const parsed = spec.args.safeParse(rawArgs);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') || undefined;
      return {
        ok: false,
        error: {
          code: 'invalid_arguments',
          message: `${method}: ${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'}`,
          field,
        },
      };
    }
    try {
      // The handler table is keyed by the same names as the schema table.
      const handler = handlers[method] as (args: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      return { ok: true, value: spec.result.parse(value) };
    } catch (err) {
      if (err instanceof StationApiError) {
        const { code, message, field, reason } = err;
        return { ok: false, error: { code, message, field, ...(reason ? { reason } : {}) } };
      }
      log(`station API ${method} failed`, err);
      const message =
        err instanceof z.ZodError
          ? 'The station produced an answer that does not match its API'
          : 'The station could not complete this action';
      return { ok: false, error: { code: 'internal', message } };
    }
  };
}
