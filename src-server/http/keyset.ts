// Keyset cursors for lists sorted by any column: the last row's sort value and id, opaque to
// clients. A cursor is only valid for the sort it was given out with.
import { z } from 'zod';
import { ApiError } from './api-error';

const cursorSchema = z.tuple([z.string(), z.string(), z.union([z.string(), z.null()])]);

export function encodeKeyset(sort: string, value: string | null, id: string): string {
  return Buffer.from(JSON.stringify([sort, id, value]), 'utf8').toString('base64url');
}

export function decodeKeyset(cursor: string, sort: string): { value: string | null; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success || result.data[0] !== sort) {
    throw new ApiError(
      400,
      'invalid_cursor',
      'The cursor is not one this list gave out for this sort.',
      'cursor',
    );
  }
  return { id: result.data[1], value: result.data[2] };
}
