import { describe, expect, it } from 'vitest';
import { loadSellerConfig } from './seller-config';

describe('seller settings', () => {
  it('default to the demo retailer in the VAT origin country, with a Peppol id from its KvK number', () => {
    const seller = loadSellerConfig({}, 'NL');
    expect(seller).toMatchObject({
      country: 'NL',
      vatNumber: 'NL004495445B01',
      peppolScheme: '0106',
      peppolId: '12345678',
      iban: 'NL91ABNA0417164300',
    });
  });

  it('take a Belgian seller and refuse a bad VAT number, IBAN or Peppol id, naming the variable', () => {
    expect(
      loadSellerConfig(
        {
          SELLER_COUNTRY: 'BE',
          SELLER_VAT_NUMBER: '0411.905.847',
          SELLER_PEPPOL_ID: '0208:0411905847',
          SELLER_IBAN: '',
        },
        'NL',
      ),
    ).toMatchObject({ country: 'BE', vatNumber: 'BE0411905847', peppolScheme: '0208', iban: null });
    expect(() => loadSellerConfig({ SELLER_VAT_NUMBER: 'NL123' }, 'NL')).toThrow(
      /SELLER_VAT_NUMBER/,
    );
    expect(() => loadSellerConfig({ SELLER_IBAN: 'NL91 ABNA' }, 'NL')).toThrow(/SELLER_IBAN/);
    expect(() => loadSellerConfig({ SELLER_PEPPOL_ID: 'abc' }, 'NL')).toThrow(/SELLER_PEPPOL_ID/);
  });
});
