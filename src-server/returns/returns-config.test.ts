import { describe, expect, it } from 'vitest';
import { loadReturnsConfig } from './returns-config';

describe('returns settings', () => {
  it('lets an RMA take parcels for 30 days and sweeps every 5 minutes unless told otherwise', () => {
    expect(loadReturnsConfig({})).toMatchObject({ rmaExpiryDays: 30, expirySweepMs: 300_000 });
    expect(loadReturnsConfig({ RMA_EXPIRY_DAYS: '60', RMA_EXPIRY_SWEEP_MS: '1000' })).toMatchObject(
      { rmaExpiryDays: 60, expirySweepMs: 1000 },
    );
  });

  it('refuses an expiry that is not a whole number of days, naming the setting', () => {
    for (const bad of ['0', '-3', '1.5', 'thirty', '4000'])
      expect(() => loadReturnsConfig({ RMA_EXPIRY_DAYS: bad })).toThrow(
        `RMA_EXPIRY_DAYS must be a whole number from 1 to 3650, got "${bad}"`,
      );
  });
});
