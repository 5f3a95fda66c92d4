import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hasValidGs1CheckDigit } from '../../shared/gs1/check-digit';
import type { LeaseKind, NumberLease } from '../../shared/station-api/numbering';
import { NumberLeases } from './number-leases';

function leaseFor(kind: LeaseKind, next: number, end: number): NumberLease {
  return kind === 'sscc'
    ? { kind, companyPrefix: '8712345', extensionDigit: 3, next, end }
    : { kind, prefix: 'LA', countryCode: 'NL', next, end };
}

function makeLeases(
  requestLease = vi.fn(async (kind: LeaseKind) => leaseFor(kind, 1, 100)),
  lowWaterMark = 2,
) {
  const path = join(mkdtempSync(join(tmpdir(), 'leases-')), 'number-leases.json');
  return { path, requestLease, leases: new NumberLeases({ path, requestLease, lowWaterMark }) };
}

describe('leased number ranges at the station', () => {
  it('refuses to invent numbers when nothing is leased, and asks for a lease', async () => {
    const { leases, requestLease } = makeLeases(
      vi.fn(async () => {
        throw new Error('offline');
      }),
    );
    await expect(leases.allocateSscc()).rejects.toMatchObject({ code: 'no_numbers' });
    expect(requestLease).toHaveBeenCalledWith('sscc');
  });

  it('hands out valid, distinct SSCCs concurrently and survives a restart without reuse', async () => {
    const { leases, path, requestLease } = makeLeases(undefined, 0);
    await leases.topUp();
    const ssccs = await Promise.all(Array.from({ length: 20 }, () => leases.allocateSscc()));
    expect(new Set(ssccs).size).toBe(20);
    for (const sscc of ssccs) expect(hasValidGs1CheckDigit(sscc)).toBe(true);

    const restarted = new NumberLeases({ path, requestLease, lowWaterMark: 0 });
    const next = await restarted.allocateSscc();
    expect(ssccs).not.toContain(next);
  });

  it('asks for the next range when the current one runs low, and moves on to it', async () => {
    let start = 1;
    const requestLease = vi.fn(async (kind: LeaseKind) => {
      const lease = leaseFor(kind, start, start + 2);
      start += 3;
      return lease;
    });
    const { leases } = makeLeases(requestLease, 1);
    await leases.topUp();
    const numbers = [];
    for (let i = 0; i < 5; i++) {
      numbers.push(await leases.allocateTrackingNumber());
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(new Set(numbers).size).toBe(5);
    expect(numbers[0]).toMatch(/^LA\d{9}NL$/);
    expect(requestLease.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
