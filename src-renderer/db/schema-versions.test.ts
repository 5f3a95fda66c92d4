// Stations keep their local database across app updates. RxDB refuses to open a collection whose
// schema changed while its version did not, so a station would stop at start-up after an update.
// This test holds the schema each version stands for: change a collection's fields or indexes and
// it fails until the version is bumped (with a migration strategy for the stored documents) and
// the table below is updated.
import { describe, expect, it } from 'vitest';
import { PRINT_JOB_COLLECTIONS } from '../printing/print-job';
import { STATION_SCHEMAS } from './database';

/** What released stations run (version 1 of work, shipments, returns: optional release, put-back and refusal code). */
const RELEASED: Record<string, { version: number; fingerprint: string }> = {
  fulfillments: { version: 0, fingerprint: '5ee0f8e0' },
  products: { version: 0, fingerprint: 'cb689084' },
  bins: { version: 0, fingerprint: 'bbcc8338' },
  operators: { version: 0, fingerprint: 'cae1047f' },
  work: { version: 1, fingerprint: '20574b68' },
  shipments: { version: 1, fingerprint: 'a070b1f6' },
  rmas: { version: 0, fingerprint: '2d96afa1' },
  returns: { version: 1, fingerprint: 'cfadf291' },
  print_jobs: { version: 0, fingerprint: '899c4266' },
};

/** FNV-1a over the schema's JSON: stable across runs and platforms. */
function fingerprint(value: unknown): string {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(value)) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

describe('station database schemas', () => {
  const schemas: Record<string, { version: number }> = {
    ...STATION_SCHEMAS,
    ...Object.fromEntries(
      Object.entries(PRINT_JOB_COLLECTIONS).map(([name, c]) => [name, c.schema]),
    ),
  };

  it.each(Object.keys(schemas))('%s changes only with a new version', (name) => {
    const schema = schemas[name]!;
    const released = RELEASED[name];
    expect(released, `${name} is new: add it to RELEASED`).toBeDefined();
    expect(
      { version: schema.version, fingerprint: fingerprint(schema) },
      `${name}'s schema changed: bump its version, add a migration strategy, then update RELEASED`,
    ).toEqual(released);
  });
});
