import { describe, expect, it } from 'vitest';
import { formatAddressLines } from './address-format';
import { makeAddress } from './label-fixtures';

describe('address lines per destination country', () => {
  it('writes a Dutch postcode as "1234 AB", two spaces, the place in capitals, and no country at home', () => {
    expect(
      formatAddressLines(makeAddress({ postalCode: '1015cj', city: 'Amsterdam' }), 'NL'),
    ).toEqual(['Sanne de Vries', 'Keizersgracht 123', '1015 CJ  AMSTERDAM']);
  });

  it('puts the postal code before the city for Belgium, Germany and France', () => {
    expect(
      formatAddressLines(
        makeAddress({ postalCode: '1000', city: 'Bruxelles', country: 'BE' }),
        'BE',
      ).at(-1),
    ).toBe('1000 BRUXELLES');
    expect(
      formatAddressLines(
        makeAddress({ postalCode: '10115', city: 'Berlin', country: 'DE' }),
        'DE',
      ).at(-1),
    ).toBe('10115 Berlin');
    expect(
      formatAddressLines(
        makeAddress({ postalCode: '75001', city: 'Paris', country: 'FR' }),
        'FR',
      ).at(-1),
    ).toBe('75001 PARIS');
  });

  it('gives a British post town and postcode their own lines', () => {
    expect(
      formatAddressLines(
        makeAddress({ postalCode: 'sw1a 1aa', city: 'London', country: 'GB' }),
        'GB',
      ).slice(-2),
    ).toEqual(['LONDON', 'SW1A 1AA']);
  });

  it('writes a US city, state and ZIP on one line', () => {
    expect(
      formatAddressLines(
        makeAddress({ postalCode: '10118', city: 'New York', region: 'ny', country: 'US' }),
        'US',
      ).at(-1),
    ).toBe('NEW YORK NY 10118');
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
      '10115 Berlin',
      'GERMANY',
    ]);
  });
});
