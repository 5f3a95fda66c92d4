// Keyset cursors `(timestamp, id)` for paged lists, opaque to clients.
import { ApiError } from './api-error';

export interface KeysetPosition {
  at: Date;
  id: string;
}

export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): KeysetPosition {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API gave out.', 'cursor');
  }
  return { at, id };
}
