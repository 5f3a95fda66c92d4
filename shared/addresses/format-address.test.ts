import { describe, expect, it } from 'vitest';
import { formatAddress, type AddressParts } from './format-address';

/** One address per country as a customer would type it: any case, no separators. */
const addresses: Record<string, Omit<AddressParts, 'country' | 'name' | 'company'>> = {
  NL: { streetLines: ['Keizersgracht 123'], postalCode: '1015cj', city: 'Amsterdam' },
  BE: { streetLines: ['Rue de la Loi 16'], postalCode: '1000', city: 'Bruxelles' },
  DE: { streetLines: ['Invalidenstraße 117'], postalCode: '10115', city: 'Berlin' },
  FR: { streetLines: ['12 rue de Rivoli'], postalCode: '75001', city: 'Paris' },
  GB: { streetLines: ['10 Downing Street'], postalCode: 'sw1a2aa', city: 'London' },
  US: {
    streetLines: ['350 Fifth Avenue', 'Suite 3400'],
    postalCode: '10118',
    city: 'New York',
    region: 'ny',
  },
  CA: {
    streetLines: ['111 Wellington St'],
    postalCode: 'k1a0a9',
    city: 'Ottawa',
    region: 'Ontario',
  },
  JP: { streetLines: ['1-1 Chiyoda'], postalCode: '1008111', city: 'Chiyoda-ku', region: 'tokyo' },
  CN: {
    streetLines: ['1 Jianguomenwai Dajie'],
    postalCode: '100004',
    city: 'Chaoyang',
    region: 'Beijing Shi',
  },
  IE: {
    streetLines: ['1 Grafton Street'],
    postalCode: 'd02x285',
    city: 'Dublin',
    region: 'Co. Dublin',
  },
  IT: { streetLines: ['Via Roma 1'], postalCode: '20121', city: 'Milano', region: 'mi' },
  ES: {
    streetLines: ['Calle de Alcalá 50'],
    postalCode: '28014',
    city: 'Madrid',
    region: 'Madrid',
  },
  PT: { streetLines: ['Rua Augusta 100'], postalCode: '1100053', city: 'Lisboa' },
  AT: { streetLines: ['Stephansplatz 1'], postalCode: '1010', city: 'Wien' },
  CH: { streetLines: ['Bahnhofstrasse 1'], postalCode: '8001', city: 'Zürich' },
  SE: { streetLines: ['Drottninggatan 1'], postalCode: '11151', city: 'Stockholm' },
  DK: { streetLines: ['Strøget 1'], postalCode: '1160', city: 'København K' },
  PL: { streetLines: ['ul. Marszałkowska 1'], postalCode: '00950', city: 'Warszawa' },
  AU: { streetLines: ['1 George St'], postalCode: '2000', city: 'Sydney', region: 'nsw' },
  BR: {
    streetLines: ['Av. Paulista 1000'],
    postalCode: '01310100',
    city: 'São Paulo',
    region: 'SP',
  },
  LU: { streetLines: ['2 Place Guillaume II'], postalCode: 'L-1648', city: 'Luxembourg' },
  NO: { streetLines: ['Karl Johans gate 1'], postalCode: '0154', city: 'Oslo' },
};

describe('addresses in each country’s own layout (libaddressinput)', () => {
  it.each(Object.keys(addresses))('formats an address to %s from the Netherlands', (country) => {
    const lines = formatAddress(
      { name: 'Sanne de Vries', company: 'Acme', country, ...addresses[country]! },
      { originCountry: 'NL' },
    );
    expect(lines).toMatchSnapshot();
  });

  it('puts the postal code where each post reads it and capitalises what it asks', () => {
    const at = (country: string) =>
      formatAddress({ country, ...addresses[country]! }, { originCountry: country });
    expect(at('NL')).toContain('1015 CJ AMSTERDAM');
    expect(at('GB').slice(-2)).toEqual(['LONDON', 'SW1A 2AA']);
    expect(at('US').at(-1)).toBe('NEW YORK, NY 10118');
    expect(at('CA').at(-1)).toBe('OTTAWA ON K1A 0A9');
    expect(at('AU').at(-1)).toBe('SYDNEY NSW 2000');
    expect(at('IT').at(-1)).toBe('20121 MILANO MI');
    expect(at('CH').at(-1)).toBe('CH-8001 Zürich');
    expect(at('BR').slice(-2)).toEqual(['SÃO PAULO-SP', '01310-100']);
    expect(at('JP').slice(-2)).toEqual(['Chiyoda-ku, TOKYO', '100-8111']);
  });

  it('names the destination country in the sender’s language when asked', () => {
    const lines = formatAddress(
      { country: 'DE', ...addresses.DE! },
      { originCountry: 'FR', countryLocale: 'fr' },
    );
    expect(lines.at(-1)).toBe('ALLEMAGNE');
  });

  it('writes Japanese addresses in the local order when asked for the local script', () => {
    const lines = formatAddress(
      {
        name: '山田太郎',
        country: 'JP',
        streetLines: ['千代田1-1'],
        postalCode: '1008111',
        city: '千代田区',
        region: '東京都',
      },
      { script: 'local' },
    );
    expect(lines).toEqual(['〒100-8111', '東京都', '千代田1-1', '千代田区', '山田太郎']);
  });

  it('leaves no dangling separator when a field is missing', () => {
    expect(
      formatAddress({
        country: 'US',
        streetLines: ['1 Main St'],
        city: 'Springfield',
        postalCode: '62701',
      }),
    ).toEqual(['1 Main St', 'SPRINGFIELD 62701']);
  });
});
