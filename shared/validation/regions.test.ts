import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRegion, regionOfPostalCode, regionProblem, requiredRegions } from './regions';

describe('required regions', () => {
  it('needs a US state and a Canadian province, by code or name, in any case', () => {
    expect(regionProblem('US', 'NY')).toBeNull();
    expect(regionProblem('US', 'ny')).toBeNull();
    expect(regionProblem('US', 'New York')).toBeNull();
    expect(regionProblem('US', 'PR')).toBeNull();
    expect(regionProblem('CA', 'QC')).toBeNull();
    expect(regionProblem('US', undefined)).toBe(
      'is required in US: one of its 62 regions (AL, AK, AS …)',
    );
    expect(regionProblem('US', 'New Amsterdam')).toBe(
      'New Amsterdam is not a region of US: one of its 62 regions (AL, AK, AS …)',
    );
    expect(regionProblem('CA', 'NY')).toMatch(/^NY is not a region of CA/);
  });

  it.each([
    ['AU', 'NSW', 'Sydney'],
    ['IT', 'MI', 'Milano'],
    ['JP', '東京都', 'Tokyo'],
    ['BR', 'SP', 'São Paulo'],
  ])('knows the regions of %s (%s, %s)', (country, code, name) => {
    expect(requiredRegions(country)?.length).toBeGreaterThan(5);
    expect(regionProblem(country, code)).toBeNull();
    expect(regionProblem(country, 'Atlantis')).toMatch(/is not a region of/);
    if (country === 'JP') expect(regionProblem(country, name)).toBeNull();
  });

  it('fills in a missing region the postal code decides, and refuses one it cannot decide', () => {
    expect(regionOfPostalCode('US', '10001')?.key).toBe('NY');
    expect(regionProblem('US', undefined, '10001')).toBeNull();
    expect(normalizeRegion('US', undefined, '10001')).toBe('NY');
    expect(normalizeRegion('US', 'new york', '10001')).toBe('NY');
    expect(normalizeRegion('JP', undefined, '154-0023')).toBe('Tokyo');
    expect(regionProblem('CN', undefined, '100096')).toMatch(/^is required in CN/);
  });

  it('leaves countries without required regions alone', () => {
    expect(regionProblem('NL', undefined)).toBeNull();
    expect(regionProblem('NL', 'Noord-Holland')).toBeNull();
    expect(normalizeRegion('NL', undefined, '1012 AB')).toBeUndefined();
  });

  it('accepts every region code of every country that requires one, and refuses random text', () => {
    const countries = ['US', 'CA', 'AU', 'IT', 'JP', 'BR', 'ES', 'CN', 'IN', 'MX'];
    for (const country of countries)
      for (const region of requiredRegions(country) ?? [])
        expect(regionProblem(country, region.key), `${country} ${region.key}`).toBeNull();
    fc.assert(
      fc.property(
        fc.constantFrom(...countries.filter((c) => requiredRegions(c))),
        fc.stringMatching(/^[QXZ]{4,12}$/),
        (country, text) => {
          expect(regionProblem(country, text)).toMatch(new RegExp(`^${text} is not a region`));
        },
      ),
    );
  });
});
