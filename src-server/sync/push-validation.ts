// A pushed row checked on its own, before anything is read or written: the document's schema
// (station times included), text PostgreSQL can store, the pushing station named as its owner,
// a work document's id that is the station's own, and each document once per push. Every failure
// is a 4xx naming the field.
import type { SyncCollection } from '../../shared/sync/documents';
import { SYNC_DOCUMENTS, workDocId } from '../../shared/sync/documents';
import type { PushRow, WireDocument } from '../../shared/sync/protocol';
import { ApiError } from '../http/api-error';
import type { StationIdentity } from '../stations/stations';

export type PushedDocument = Record<string, unknown> & { id: string; stationId: string };

export interface PushedRow {
  doc: PushedDocument;
  deleted: boolean;
  assumed: WireDocument | null;
}

export function parsePushedRows(
  station: StationIdentity,
  collection: SyncCollection,
  rows: readonly PushRow[],
): PushedRow[] {
  const seen = new Set<string>();
  return rows.map((row) => {
    const parsed = parsePushedRow(station, collection, row);
    if (seen.has(parsed.doc.id)) {
      throw new ApiError(
        400,
        'duplicate_document',
        `${collection}/${parsed.doc.id} appears twice in one push; send each document once.`,
        'id',
      );
    }
    seen.add(parsed.doc.id);
    return parsed;
  });
}

function parsePushedRow(
  station: StationIdentity,
  collection: SyncCollection,
  row: PushRow,
): PushedRow {
  const { _deleted, ...fields } = row.newDocumentState;
  const name = `${collection}/${fields.id}`;
  const parsed = SYNC_DOCUMENTS[collection].safeParse({ ...fields, updatedAt: 0 });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw new ApiError(400, 'invalid_document', `${name}: ${field}: ${issue?.message}`, field);
  }
  const doc = parsed.data as PushedDocument;
  const unstorable = unstorableAt(doc, []);
  if (unstorable) {
    const field = unstorable.join('.');
    throw new ApiError(
      400,
      'invalid_document',
      `${name}: ${field}: contains a NUL character or a broken Unicode surrogate`,
      field,
    );
  }
  if (doc.stationId !== station.stationId) {
    throw new ApiError(
      403,
      'foreign_station',
      `${name} names station ${doc.stationId}, not this station.`,
      'stationId',
    );
  }
  if (collection === 'work') {
    const own = workDocId(String(doc.fulfillmentId), station.stationId);
    if (doc.id !== own)
      throw new ApiError(400, 'invalid_document', `${name}: id must be ${own}.`, 'id');
  }
  return { doc, deleted: _deleted, assumed: row.assumedMasterState ?? null };
}

// PostgreSQL text and jsonb cannot hold NUL, and a lone surrogate cannot be stored as UTF-8.
// eslint-disable-next-line no-control-regex -- matching NUL is the point.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (or object key) that cannot be stored; null when all can. */
function unstorableAt(value: unknown, path: (string | number)[]): (string | number)[] | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableAt(item, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return path;
      const found = unstorableAt(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
