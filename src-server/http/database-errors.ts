// A PostgreSQL error that reaches the error handler is about the request's data (a duplicate key,
// a missing reference, a value the column cannot hold), never about the server: it is answered
// 409/422/400 naming what clashed. The same SQLSTATE codes and fields come from PGlite and `pg`.
// Routes that can race check first and give their own precise error; this is the net under them.
import { ApiError } from './api-error';

interface PostgresError {
  code: string;
  message: string;
  detail?: string | undefined;
  table?: string | undefined;
  column?: string | undefined;
  constraint?: string | undefined;
}

function asPostgresError(error: unknown): PostgresError | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const { code } = error;
  // SQLSTATE: a class of two digits, then three digits or capitals (23505, 22P02).
  return typeof code === 'string' && /^[0-9]{2}[0-9A-Z]{3}$/.test(code) && error instanceof Error
    ? (error as Error & PostgresError)
    : null;
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The columns in `Key (a, lower(b))=(…)`, as API field names: `['a', 'b']`. */
function keyColumns(detail: string | undefined): string[] {
  const match = /^Key \((.+?)\)=/.exec(detail ?? '');
  if (!match) return [];
  return match[1]!.split(',').map((part) => camel(part.trim().replace(/^\w+\((\w+)\)$/, '$1')));
}

/** The last key column is the one the client chose; the ones before it scope it (channel, order). */
const keyField = (detail: string | undefined) => keyColumns(detail).at(-1);

/** `products_weight_grams_check` on table `products` → `weightGrams`. */
function checkField(pg: PostgresError): string | undefined {
  if (pg.column) return camel(pg.column);
  const name = pg.constraint;
  if (!name || !pg.table || !name.startsWith(`${pg.table}_`)) return undefined;
  return camel(name.slice(pg.table.length + 1).replace(/_check$/, ''));
}

const sentence = (text: string | undefined) => (text ? ` ${text}` : '');

/** The API error for a PostgreSQL error, or null when `error` is none. */
export function databaseApiError(error: unknown): ApiError | null {
  const pg = asPostgresError(error);
  if (!pg) return null;
  const column = pg.column ? camel(pg.column) : undefined;
  switch (pg.code) {
    case '23505':
      return new ApiError(
        409,
        'already_exists',
        `This conflicts with what is stored:${sentence(pg.detail ?? pg.message)}`,
        keyField(pg.detail),
      );
    case '23503':
      return /still referenced/.test(pg.detail ?? '')
        ? new ApiError(409, 'still_referenced', `Other records use it:${sentence(pg.detail)}`)
        : new ApiError(
            422,
            'unknown_reference',
            `It refers to something that does not exist:${sentence(pg.detail ?? pg.message)}`,
            keyField(pg.detail),
          );
    case '23502':
      return new ApiError(422, 'missing_value', pg.message, column);
    case '23514':
    case '23P01':
      return new ApiError(422, 'constraint_violated', pg.message, checkField(pg));
    case '40001':
    case '40P01':
      return new ApiError(409, 'concurrent_update', 'Another request changed it; try again.');
    case '54000':
      return new ApiError(422, 'value_too_large', pg.message);
    case '22001':
      return new ApiError(422, 'value_too_long', pg.message, column);
    case '22003':
      return new ApiError(422, 'out_of_range', pg.message, column);
    case '22007':
    case '22008':
      return new ApiError(422, 'invalid_date', pg.message, column);
    default:
      // Class 22, data exception: a value of the request PostgreSQL cannot take (22P02 invalid
      // text for the type, 22021 a NUL, 22P05 an untranslatable character).
      if (pg.code.startsWith('22')) return new ApiError(400, 'invalid_value', pg.message);
      return null;
  }
}
