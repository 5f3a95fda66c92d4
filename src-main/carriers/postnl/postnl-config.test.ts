import { describe, expect, it } from 'vitest';
import { loadPostnlSetting } from './postnl-config';

const complete = {
  POSTNL_API_KEY: 'sandbox-key-0123456789',
  POSTNL_CUSTOMER_CODE: 'DEVC',
  POSTNL_CUSTOMER_NUMBER: '11223344',
};

describe('PostNL settings of a station', () => {
  it('is not configured when no PostNL variable is set, and says which ones to set', () => {
    expect(loadPostnlSetting({})).toEqual({
      configured: false,
      reason:
        'PostNL is not configured at this station (POSTNL_API_KEY, POSTNL_CUSTOMER_CODE, POSTNL_CUSTOMER_NUMBER are unset)',
    });
  });

  it('uses the production API and the 15-character serie for a 4-letter customer code', () => {
    expect(loadPostnlSetting(complete)).toEqual({
      configured: true,
      config: {
        baseUrl: 'https://api.postnl.nl',
        apiKey: 'sandbox-key-0123456789',
        customerCode: 'DEVC',
        customerNumber: '11223344',
        serie: '987000000-987600000',
        timeoutMs: 5000,
      },
    });
  });

  it('refuses a half-filled configuration, naming what is missing', () => {
    expect(() => loadPostnlSetting({ POSTNL_API_KEY: complete.POSTNL_API_KEY })).toThrow(
      'PostNL is half configured: POSTNL_CUSTOMER_CODE, POSTNL_CUSTOMER_NUMBER missing',
    );
  });

  it('refuses bad values with the variable name', () => {
    expect(() => loadPostnlSetting({ ...complete, POSTNL_CUSTOMER_CODE: 'devc1' })).toThrow(
      'POSTNL_CUSTOMER_CODE: POSTNL_CUSTOMER_CODE must be 1 to 4 capital letters',
    );
    expect(() => loadPostnlSetting({ ...complete, POSTNL_TIMEOUT_MS: '600000' })).toThrow(
      'POSTNL_TIMEOUT_MS',
    );
    expect(() => loadPostnlSetting({ ...complete, POSTNL_API_URL: 'ftp://postnl' })).toThrow(
      'POSTNL_API_URL must be an http(s) URL',
    );
  });

  it('needs an explicit serie for a shorter customer code, and checks the barcode length', () => {
    expect(() => loadPostnlSetting({ ...complete, POSTNL_CUSTOMER_CODE: 'ABC' })).toThrow(
      'POSTNL_BARCODE_SERIE is required',
    );
    expect(
      loadPostnlSetting({
        ...complete,
        POSTNL_CUSTOMER_CODE: 'ABC',
        POSTNL_BARCODE_SERIE: '10000000-20000000',
      }),
    ).toMatchObject({ configured: true, config: { serie: '10000000-20000000' } });
    expect(() =>
      loadPostnlSetting({ ...complete, POSTNL_BARCODE_SERIE: '0000000000-9999999999' }),
    ).toThrow('makes 16 characters; PostNL needs 13 or 15');
  });
});
