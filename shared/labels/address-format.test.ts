import { describe, expect, it } from 'vitest';
import { formatAddressLines } from './address-format';
import { makeAddress } from './label-fixtures';

describe('address lines per destination country', () => {
  it('writes a Dutch postcode as "1234 AB", the place in capitals, and no country at home', () => {
    expect(
      formatAddressLines(makeAddress({ postalCode: '1015cj', city: 'Amsterdam' }), 'NL'),
    ).toEqual(['Sanne de Vries', 'Keizersgracht 123', '1015 CJ AMSTERDAM']);
  });

  it('gives a British post town and postcode their own lines, both in capitals', () => {
    expect(
      formatAddressLines(
        makeAddress({ postalCode: 'sw1a1aa', city: 'London', country: 'GB' }),
        'GB',
      ).slice(-2),
    ).toEqual(['LONDON', 'SW1A 1AA']);
  });

  it('writes a US city, state and ZIP on one line', () => {
    expect(
      formatAddressLines(
        makeAddress({ postalCode: '10118', city: 'New York', region: 'new york', country: 'US' }),
        'US',
      ).at(-1),
    ).toBe('NEW YORK, NY 10118');
  });

  it('adds the destination country in capitals as the last line when the parcel crosses a border', () => {
    const lines = formatAddressLines(
      makeAddress({
        company: 'Acme GmbH',
        street2: '3. OG',
        postalCode: '10115',
        city: 'Berlin',
        country: 'DE',
      }),
      'NL',
    );
    expect(lines).toEqual([
      'Sanne de Vries',
      'Acme GmbH',
      'Keizersgracht 123',
      '3. OG',
      '10115 BERLIN',
      'GERMANY',
    ]);
  });
});
