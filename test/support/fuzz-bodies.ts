// Hostile request bodies made from a valid one, and the checks every answer to them must pass:
// no 5xx, and a 4xx that says what is wrong (`code`, `message`, and the `field` at fault).
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  BAD_DATES,
  blankText,
  deepNesting,
  hostileNumber,
  hostileString,
  hostileValue,
  POLLUTING_KEYS,
} from './hostile-values';

export type Path = readonly (string | number)[];
/** A JSON body: plain objects, arrays and scalars. */
type Json = object;

/** Every place in a JSON value: `[]`, `['shipTo']`, `['shipTo', 'city']`, `['lines', 0]`, … */
export function pathsOf(value: unknown, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pathsOf(v, [...at, i])));
  if (typeof value === 'object' && value !== null)
    return here.concat(Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k])));
  return here;
}

function parentOf(body: Json, path: Path): Record<string | number, unknown> | null {
  let at: unknown = body;
  for (const key of path.slice(0, -1)) {
    if (typeof at !== 'object' || at === null) return null;
    at = (at as Record<string | number, unknown>)[key];
  }
  return typeof at === 'object' && at !== null ? (at as Record<string | number, unknown>) : null;
}

/** Sets an own, enumerable key even when it is `__proto__`, so JSON.stringify writes it. */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export interface Mutation {
  path: Path;
  describe: string;
  apply(body: Json): void;
}

const replaceWith = (path: Path, value: unknown, describe: string): Mutation => ({
  path,
  describe,
  apply(body) {
    const parent = parentOf(body, path);
    if (parent && path.length > 0) setOwn(parent, path.at(-1)!, value);
  },
});

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

/** A wrong value of the same kind as the one at that place: a date for a date, a number for a number. */
function likeForLike(current: unknown): fc.Arbitrary<unknown> {
  if (typeof current === 'string' && DATE_LIKE.test(current)) return fc.constantFrom(...BAD_DATES);
  if (typeof current === 'string') return hostileString;
  if (typeof current === 'number') return fc.oneof(hostileNumber, fc.constant(String(current)));
  if (typeof current === 'boolean') return fc.constantFrom('true', 1, null);
  return hostileValue;
}

/** One hostile change at one place of `valid`. */
export function mutationOf(valid: Json): fc.Arbitrary<Mutation> {
  const paths = pathsOf(valid).filter((p) => p.length > 0);
  const place = fc.constantFrom(...paths);
  const valueAt = (p: Path) => parentOf(valid, p)?.[p.at(-1)!];
  return fc.oneof(
    {
      weight: 4,
      arbitrary: place.chain((p) =>
        likeForLike(valueAt(p)).map((v) => replaceWith(p, v, `like-for-like ${typeof v}`)),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(place, hostileValue)
        .map(([p, v]) => replaceWith(p, v, `hostile ${typeof v}`)),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(place, blankText(8), blankText(8)).map(([p, before, after]): Mutation => {
        const parent = parentOf(valid, p);
        const current = parent?.[p.at(-1)!];
        // A string padded with blanks stays valid (trimmed); anything else becomes blank text.
        const value = typeof current === 'string' ? `${before}${current}${after}` : before;
        return replaceWith(p, value, `blank-padded ${JSON.stringify(value)}`);
      }),
    },
    {
      weight: 1,
      arbitrary: place.map((p): Mutation => ({
        path: p,
        describe: 'deleted',
        apply(body) {
          const parent = parentOf(body, p);
          if (!parent) return;
          if (Array.isArray(parent)) parent.splice(Number(p.at(-1)), 1);
          else delete parent[p.at(-1)!];
        },
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom([] as Path, ...paths),
          fc.constantFrom(...POLLUTING_KEYS, 'extra'),
          fc.oneof(hostileValue, fc.constant({ isAdmin: true })),
        )
        .map(([p, key, value]): Mutation => ({
          path: [...p, key],
          describe: `key ${key}`,
          apply(body) {
            let at: unknown = body;
            for (const k of p) at = (at as Record<string | number, unknown> | null)?.[k];
            if (typeof at === 'object' && at !== null && !Array.isArray(at))
              setOwn(at as Record<string, unknown>, key, value);
          },
        })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(place, deepNesting).map(([p, v]) => replaceWith(p, v, 'deep nesting')),
    },
  );
}

/**
 * The JSON text of a fresh `valid()` body after 1–3 mutations (its own, or from `extra`), with
 * the places they touched. Each body is made anew, so every shape `valid` makes is mutated.
 */
export function hostileBody(valid: () => Json, extra: readonly fc.Arbitrary<Mutation>[] = []) {
  return fc.constant(null).chain(() => {
    const template = valid();
    const mutation = fc.oneof(mutationOf(template), ...extra);
    return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
      const body = structuredClone(template);
      for (const m of mutations) m.apply(body);
      return { text: JSON.stringify(body), mutations };
    });
  });
}

/** A mutation that puts `value` at `path` (for a value only the test knows, e.g. a taken GTIN). */
export const putAt = (path: Path, value: unknown, describe: string): Mutation =>
  replaceWith(path, value, describe);

/** Broken JSON texts: what a parser must refuse with 400 and no stack trace. */
export const brokenJson = fc.constantFrom(
  '{"a": NaN}',
  '{"a": Infinity}',
  '{"a": 1,}',
  '{',
  '',
  'null',
  '[]',
  '"text"',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"a": "\\ud800"}',
  '{"a": 1} trailing',
);

/** A path segment percent-encoded from UTF-8 (lone surrogates become U+FFFD, as on the wire). */
export function pathSegment(text: string): string {
  return Array.from(
    new TextEncoder().encode(text),
    (b) => `%${b.toString(16).padStart(2, '0')}`,
  ).join('');
}

export function fieldToPath(field: string): Path {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : m[1]!,
  );
}

const isPrefix = (a: Path, b: Path) =>
  a.length <= b.length && a.every((k, i) => String(k) === String(b[i]));

/**
 * Whether an error on `field` can be caused by changing `mutated`: the same place, one inside the
 * other, a sibling (a cross-field rule), or a rule in `dependsOn` (e.g. the VAT number on the
 * address countries).
 */
export function related(field: Path, mutated: Path, dependsOn: readonly [Path, Path][] = []) {
  if (isPrefix(field, mutated) || isPrefix(mutated, field)) return true;
  if (field.length > 0 && isPrefix(field.slice(0, -1), mutated)) return true;
  return dependsOn.some(([f, m]) => isPrefix(f, field) && isPrefix(m, mutated));
}

export interface Answer {
  statusCode: number;
  body: string;
}

/** No 5xx; a 4xx names its code and message, and a field related to what was changed. */
export function expectNamedAnswer(
  res: Answer,
  mutated: readonly Path[],
  options: { dependsOn?: readonly [Path, Path][]; fieldless?: readonly string[] } = {},
) {
  const context = `${res.statusCode} ${res.body.slice(0, 300)} after ${JSON.stringify(mutated)}`;
  expect(res.statusCode, context).toBeLessThan(500);
  if (res.statusCode < 400) return;
  const body = JSON.parse(res.body) as {
    code?: unknown;
    message?: unknown;
    field?: unknown;
    issues?: { field?: string }[];
  };
  expect(typeof body.code === 'string' && body.code.length > 0, context).toBe(true);
  expect(typeof body.message === 'string' && body.message.length > 0, context).toBe(true);
  const fieldless = [
    'bad_url',
    'path_too_long',
    'malformed_json',
    'body_too_large',
    'unsupported_media_type',
    'bad_request',
    ...(options.fieldless ?? []),
  ];
  if (fieldless.includes(body.code as string)) return;
  expect(typeof body.field === 'string' && body.field.length > 0, context).toBe(true);
  if (mutated.length === 0) return;
  for (const named of [body.field as string, ...(body.issues ?? []).map((i) => i.field ?? '')]) {
    const field = fieldToPath(named);
    expect(
      mutated.some((m) => related(field, m, options.dependsOn)),
      `field ${named} is not what was changed: ${context}`,
    ).toBe(true);
  }
}
