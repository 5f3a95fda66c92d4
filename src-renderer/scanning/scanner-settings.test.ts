import { describe, expect, it } from 'vitest';
import { defaultScannerSettings, readScannerSettings } from './scanner-settings';

describe('stored scanner settings', () => {
  it('reads what was stored', () => {
    const stored = JSON.stringify({
      maxGapMs: 50,
      minLength: 3,
      prefix: '#',
      suffixes: ['Tab'],
      fnc1Substitutes: ['~'],
    });
    expect(readScannerSettings(stored)).toEqual({
      maxGapMs: 50,
      minLength: 3,
      prefix: '#',
      suffixes: ['Tab'],
      fnc1Substitutes: ['~'],
    });
  });

  it('falls back to the defaults for nothing, damaged JSON or values out of range', () => {
    expect(readScannerSettings(null)).toEqual(defaultScannerSettings);
    expect(readScannerSettings('{not json')).toEqual(defaultScannerSettings);
    expect(readScannerSettings(JSON.stringify({ maxGapMs: -5 }))).toEqual(defaultScannerSettings);
    expect(defaultScannerSettings).toMatchObject({ maxGapMs: 35, suffixes: ['Enter'], prefix: '' });
  });
});
