import { describe, expect, it } from 'vitest';
import { EU_MEMBER_STATES, needsCustomsDeclaration } from './customs';

describe('needsCustomsDeclaration', () => {
  it('needs none between EU member states or within one country', () => {
    expect(needsCustomsDeclaration('NL', 'BE')).toBe(false);
    expect(needsCustomsDeclaration('NL', 'DE')).toBe(false);
    expect(needsCustomsDeclaration('US', 'US')).toBe(false);
    expect(EU_MEMBER_STATES.size).toBe(27);
  });

  it('needs one for parcels leaving or entering the EU, the United Kingdom included', () => {
    expect(needsCustomsDeclaration('NL', 'GB')).toBe(true);
    expect(needsCustomsDeclaration('NL', 'CH')).toBe(true);
    expect(needsCustomsDeclaration('NL', 'US')).toBe(true);
    expect(needsCustomsDeclaration('NO', 'BE')).toBe(true);
  });

  it('needs one for EU territories outside the customs or VAT area when the postal code shows it', () => {
    expect(needsCustomsDeclaration('NL', 'ES', { toPostalCode: '35001' })).toBe(true); // Las Palmas, Canary Islands
    expect(needsCustomsDeclaration('NL', 'ES', { toPostalCode: '28001' })).toBe(false); // Madrid
    expect(needsCustomsDeclaration('BE', 'FR', { toPostalCode: '97400' })).toBe(true); // Réunion
    expect(needsCustomsDeclaration('ES', 'NL', { fromPostalCode: '38001' })).toBe(true);
  });
});
