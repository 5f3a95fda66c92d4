import { describe, expect, it } from 'vitest';
import { loadVatSettings } from './vat-settings';

describe('VAT settings', () => {
  it('default to a Dutch origin, the law threshold of 10,000 EUR and no opt-in', () => {
    expect(loadVatSettings({})).toEqual({
      originCountry: 'NL',
      ossThresholdEurMinor: 1_000_000,
      ossOptedIn: false,
    });
  });

  it('take a lower threshold and an opt-in, and refuse one above the law or a bad country', () => {
    expect(
      loadVatSettings({
        VAT_ORIGIN_COUNTRY: 'BE',
        VAT_OSS_THRESHOLD_EUR_MINOR: '500000',
        VAT_OSS_OPTED_IN: 'true',
      }),
    ).toEqual({ originCountry: 'BE', ossThresholdEurMinor: 500_000, ossOptedIn: true });
    expect(() => loadVatSettings({ VAT_OSS_THRESHOLD_EUR_MINOR: '1000001' })).toThrow(
      /VAT_OSS_THRESHOLD_EUR_MINOR/,
    );
    expect(() => loadVatSettings({ VAT_OSS_THRESHOLD_EUR_MINOR: '10.5' })).toThrow();
    expect(() => loadVatSettings({ VAT_ORIGIN_COUNTRY: 'nl' })).toThrow(/VAT_ORIGIN_COUNTRY/);
  });
});
