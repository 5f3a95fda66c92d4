import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, hasValidGs1CheckDigit } from './check-digit';

describe('GS1 mod-10 check digit', () => {
  it.each([
    ['629104150021', 3], // GTIN-13 6291041500213 (GS1 General Specifications example)
    ['0001234560001', 2], // SSCC-style prefix from the spec's worked example family
    ['9638507', 4], // EAN-8 96385074
    ['03600029145', 2], // UPC-A 036000291452
    ['00614141123456789', 0], // SSCC 006141411234567890
  ])('computes the check digit of %s as %i', (digits, check) => {
    expect(gs1CheckDigit(digits)).toBe(check);
  });

  it('accepts a correct code and refuses a single wrong digit', () => {
    expect(hasValidGs1CheckDigit('6291041500213')).toBe(true);
    expect(hasValidGs1CheckDigit('6291041500214')).toBe(false);
    expect(hasValidGs1CheckDigit('62910415002X3')).toBe(false);
  });
});
