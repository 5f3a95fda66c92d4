// Values a hostile or careless client sends, as fast-check arbitraries: blank text of every
// shape, huge and unstorable strings, SQL-ish text, out-of-range dates, numbers JSON allows but
// no field wants, wrong types, prototype-pollution keys and deep nesting.
import fc from 'fast-check';

/** Every character JavaScript trims, plus the invisible ones people paste (zero-width, BOM). */
export const BLANK_CHARACTERS = [
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
];

export const blankText = (maxLength = 40) =>
  fc.array(fc.constantFrom(...BLANK_CHARACTERS), { maxLength }).map((chars) => chars.join(''));

export const SQL_ISH = [
  "1' OR '1'='1",
  '1 OR 1=1',
  "'; drop table orders; --",
  'NaN',
  'null',
  'undefined',
  '%00',
  '${7*7}',
  '../../etc/passwd',
  '<script>alert(1)</script>',
];

export const BAD_DATES = [
  '0000-01-01T00:00:00Z',
  '0000-01-01',
  '+275760-09-13T00:00:00.000Z',
  '275760-09-13',
  '-000001-01-01T00:00:00Z',
  '1999-12-31T23:59:59Z',
  '2101-01-01T00:00:00Z',
  '2026-02-30',
  '2026-13-01T00:00:00Z',
  '2026-06-01T25:00:00Z',
  '2026-06-01T10:00:00',
  'yesterday',
  '',
];

const unstorable = fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udbff\u0000');
const hugeText = fc
  .tuple(fc.constantFrom('x', 'é', '😀', ' '), fc.integer({ min: 300, max: 20_000 }))
  .map(([c, n]) => c.repeat(n));

/** A string nobody should store as given. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  blankText(),
  unstorable,
  hugeText,
  fc.constantFrom(...SQL_ISH, ...BAD_DATES),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** A number JSON can carry that is wrong for a count, size or amount. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ max: 0 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.constantFrom(-1, 0, 0.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER),
);

/** Nested arrays or objects up to 1,500 levels deep (JSON.stringify itself recurses). */
export const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 1_500 }), fc.boolean())
  .map(([depth, arrays]) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
    return value;
  });

/** Any hostile JSON value: wrong types as well as wrong values of the right type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, true, false, [], {}, [null], { '': '' }),
  deepNesting,
  fc.jsonValue({ maxDepth: 3 }),
);

/** Keys that pollute a prototype when a server merges objects carelessly. */
export const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'];
