import { describe, expect, it } from 'vitest';
import { parseGtin } from './gtin';

describe('parseGtin', () => {
  it.each([
    ['96385074', 'ean-8', '00000096385074'],
    ['036000291452', 'upc-a', '00036000291452'],
    ['6291041500213', 'ean-13', '06291041500213'], // GS1 General Specifications GTIN-13 example
    ['4006381333931', 'ean-13', '04006381333931'],
    ['09521234543213', 'gtin-14', '09521234543213'], // GS1 General Specifications GTIN-14 example
    ['95012345678903', 'gtin-14', '95012345678903'],
  ])('reads %s as %s and normalises it to GTIN-14 %s', (digits, symbology, gtin14) => {
    expect(parseGtin(digits)).toEqual({ ok: true, symbology, gtin14 });
  });

  it('refuses a wrong check digit and names the one it expected', () => {
    expect(parseGtin('6291041500214')).toEqual({
      ok: false,
      code: 'bad-check-digit',
      message: 'GTIN 6291041500214 has check digit 4, expected 3',
    });
  });

  it.each(['1234567', '123456789', '62910415002l3', '', '06291041500213 '])(
    'refuses "%s", which is no GTIN shape',
    (text) => {
      expect(parseGtin(text)).toMatchObject({ ok: false, code: 'invalid-characters' });
    },
  );
});
