// Every error the API returns has one shape: `{ code, message, field? }`. Throw ApiError from a
// handler or service; the error handler (error-handler.ts) turns anything else into that shape too.
import { z } from 'zod';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const apiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
  issues: z
    .array(z.object({ code: z.string(), message: z.string(), field: z.string().optional() }))
    .optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** `['lines', 0, 'sku']` → `lines[0].sku`: how people write a field's place in a JSON body. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** The same, from a JSON pointer such as `/lines/0/sku`. */
export function fieldFromPointer(pointer: string): string {
  const parts = pointer
    .split('/')
    .filter((p) => p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  return fieldPath(parts);
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`);
