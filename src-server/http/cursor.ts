// Keyset cursors `(timestamp, id)` for paged lists, opaque to clients. A cursor comes back from
// outside, so it is checked like any input: an instant in the accepted range and a UUID.
import { isWithinAcceptedRange } from '../../shared/validation/timestamps';
import { ApiError } from './api-error';

export interface KeysetPosition {
  at: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  const [iso = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso);
  if (
    rest.length > 0 ||
    !ISO_INSTANT.test(iso) ||
    !isWithinAcceptedRange(at.getTime()) ||
    !UUID.test(id)
  ) {
    throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API gave out.', 'cursor');
  }
  return { at, id };
}
