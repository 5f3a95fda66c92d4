import { describe, expect, it } from 'vitest';
import { regionProblem } from './regions';

describe('required regions', () => {
  it('needs a US state and a Canadian province, by code, in any case', () => {
    expect(regionProblem('US', 'NY')).toBeNull();
    expect(regionProblem('US', 'ny')).toBeNull();
    expect(regionProblem('US', 'PR')).toBeNull();
    expect(regionProblem('CA', 'QC')).toBeNull();
    expect(regionProblem('US', undefined)).toBe('is required in US: a US state code such as NY');
    expect(regionProblem('US', 'New Amsterdam')).toBe('must be a US state code such as NY');
    expect(regionProblem('CA', 'NY')).toMatch(/Canadian province/);
  });

  it('leaves countries without required regions alone', () => {
    expect(regionProblem('NL', undefined)).toBeNull();
    expect(regionProblem('NL', 'Noord-Holland')).toBeNull();
  });
});
