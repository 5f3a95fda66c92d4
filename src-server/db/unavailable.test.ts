// Which failures mean "the database cannot be reached" (503, wait and retry) and which do not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

/** Wraps an error in `depth` layers of `cause`, as our own wrappers do (e.g. a migration). */
const wrapped = (error: unknown, depth: number): unknown =>
  depth === 0 ? error : new Error(`wrapped ${depth}`, { cause: wrapped(error, depth - 1) });

const socketCodes = fc.constantFrom(
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
);
const unavailableSqlStates = fc.oneof(
  fc.constantFrom('57P01', '57P02', '57P03', '53300'),
  fc.stringMatching(/^08[0-9A-Z]{3}$/),
);
/** SQLSTATEs of statements that reached a working server: constraint, syntax, deadlock… */
const otherSqlStates = fc
  .stringMatching(/^[0-9A-Z]{5}$/)
  .filter((code) => !/^08/.test(code) && !['57P01', '57P02', '57P03', '53300'].includes(code));

describe('isDatabaseUnavailable', () => {
  it('recognises every socket failure and server-going-away SQLSTATE, however deeply wrapped', () => {
    fc.assert(
      fc.property(fc.oneof(socketCodes, unavailableSqlStates), fc.nat(4), (code, depth) => {
        expect(isDatabaseUnavailable(wrapped(withCode(code), depth))).toBe(true);
      }),
    );
  });

  it("recognises pg's and pg-pool's messages for a dead or unobtainable connection", () => {
    for (const message of [
      'Connection terminated unexpectedly',
      'Connection terminated',
      'Connection terminated due to connection timeout',
      'timeout exceeded when trying to connect',
      'Client has encountered a connection error and is not queryable',
    ])
      expect(isDatabaseUnavailable(new Error(message)), message).toBe(true);
  });

  it("recognises Node's connect failure over several addresses (AggregateError)", () => {
    const refused = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '');
    expect(isDatabaseUnavailable(refused)).toBe(true);
  });

  it('leaves every other database error, and any error without a known code, to the usual mapping', () => {
    fc.assert(
      fc.property(otherSqlStates, fc.string(), fc.nat(4), (code, message, depth) => {
        fc.pre(
          !/^Connection terminated|trying to connect|not queryable|read timeout/.test(message),
        );
        expect(isDatabaseUnavailable(wrapped(withCode(code, message), depth))).toBe(false);
      }),
    );
    for (const value of [null, undefined, 'ECONNREFUSED', 503, {}, new Error('boom')])
      expect(isDatabaseUnavailable(value)).toBe(false);
  });

  it('does not take a failed outgoing HTTP call (fetch) for the database', () => {
    const fetchFailed = new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') });
    expect(isDatabaseUnavailable(fetchFailed)).toBe(false);
  });

  it('stops following a cycle of causes', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    Object.assign(a, { cause: b });
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
