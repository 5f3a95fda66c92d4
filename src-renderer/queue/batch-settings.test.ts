import { describe, expect, it } from 'vitest';
import { defaultBatchSize, maxBatchSize } from '../picking/batch-rules';
import { isBatchSize, storedBatchSize } from './batch-settings';

describe('the station batch size setting', () => {
  it('takes whole sizes from 1 to the maximum', () => {
    expect([1, 2, maxBatchSize].every(isBatchSize)).toBe(true);
    expect([0, -1, maxBatchSize + 1, 2.5, Number.NaN, '3', null].some(isBatchSize)).toBe(false);
  });

  it('reads a stored size back, and falls back to the default for anything damaged or stale', () => {
    expect(storedBatchSize({ batchSize: 5 })).toBe(5);
    for (const damaged of [null, undefined, {}, { batchSize: 99 }, { batchSize: '4' }, 'x'])
      expect(storedBatchSize(damaged)).toBe(defaultBatchSize);
  });
});
