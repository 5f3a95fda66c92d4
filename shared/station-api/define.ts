// The machinery behind the station API table: a method is a pair of schemas (arguments, result),
// an event is one payload schema. Both transports (Electron IPC, the web host's HTTP + SSE) use it.
import type { z } from 'zod';
import type { Reason } from '../reasons/reason';

export interface MethodSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  args: A;
  result: R;
}

export function method<A extends z.ZodType, R extends z.ZodType>(
  args: A,
  result: R,
): MethodSpec<A, R> {
  return { args, result };
}

export type MethodTable = Record<string, MethodSpec>;
export type EventTable = Record<string, z.ZodType>;

/** What a caller (the renderer) sees: one async function per method. */
export type ApiOf<M extends MethodTable> = {
  [K in keyof M]: (args: z.input<M[K]['args']>) => Promise<z.output<M[K]['result']>>;
};

/** What the main process implements: one handler per method, given parsed arguments. */
export type HandlersOf<M extends MethodTable> = {
  [K in keyof M]: (args: z.output<M[K]['args']>) => Promise<z.input<M[K]['result']>>;
};

export type EventPayloads<E extends EventTable> = { [K in keyof E]: z.output<E[K]> };

/** Every answer crosses the boundary in this envelope, so errors keep their code on both transports. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: StationErrorBody };

export interface StationErrorBody {
  code: string;
  /** English, for logs; `reason` says it as a code the renderer translates. */
  message: string;
  field?: string;
  reason?: Reason;
}

export class StationApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly reason?: Reason,
  ) {
    super(message);
    this.name = 'StationApiError';
  }
}
