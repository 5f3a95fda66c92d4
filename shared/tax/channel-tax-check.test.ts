import { describe, expect, it } from 'vitest';
import { checkChannelTax } from './channel-tax-check';
import { decideVat } from './vat-engine';
import { OSS_THRESHOLD_EUR_MINOR } from './vat-scheme';

// A Dutch consumer: 100 EUR standard (21 % = 21.00), 20 EUR reduced (9 % = 1.80), 4.95 shipping (1.04).
const engine = decideVat({
  originCountry: 'NL',
  destinationCountry: 'NL',
  customer: { kind: 'person', country: 'NL' },
  oss: {
    thresholdEurMinor: OSS_THRESHOLD_EUR_MINOR,
    previousYearEurMinor: 0,
    currentYearEurMinor: 0,
    optedIn: false,
  },
  saleEurMinor: 12_495,
  supplyDate: '2025-03-01',
  pricesIncludeTax: false,
  rounding: 'line',
  lines: [
    { amountMinor: 10_000, taxClass: 'standard' },
    { amountMinor: 2_000, taxClass: 'reduced' },
  ],
  shippingMinor: 495,
});

describe("checking the channel's tax against the engine's", () => {
  it('agrees when every part has the same amount and the rates sent are the same', () => {
    const check = checkChannelTax(engine, {
      lines: [
        { taxMinor: 2100, ratePpm: 210_000 },
        { taxMinor: 180, ratePpm: null },
      ],
      shipping: { taxMinor: 104, ratePpm: 210_000 },
    });
    expect(check).toEqual({
      matches: true,
      channelTaxMinor: 2384,
      engineTaxMinor: 2384,
      differences: [],
    });
  });

  it('names each part the shop taxed otherwise: a book at 21 % and shipping untaxed', () => {
    const check = checkChannelTax(engine, {
      lines: [
        { taxMinor: 2100, ratePpm: 210_000 },
        { taxMinor: 420, ratePpm: 210_000 },
      ],
      shipping: { taxMinor: 0, ratePpm: null },
    });
    expect(check.matches).toBe(false);
    expect(check.differences).toEqual([
      {
        part: 'lines[1]',
        channelTaxMinor: 420,
        engineTaxMinor: 180,
        channelRatePpm: 210_000,
        engineRatePpm: 90_000,
      },
      {
        part: 'shipping',
        channelTaxMinor: 0,
        engineTaxMinor: 104,
        channelRatePpm: null,
        engineRatePpm: 210_000,
      },
    ]);
  });

  it('counts a different rate as a difference even when the amounts agree', () => {
    const check = checkChannelTax(engine, {
      lines: [
        { taxMinor: 2100, ratePpm: 200_000 },
        { taxMinor: 180, ratePpm: 90_000 },
      ],
      shipping: { taxMinor: 104, ratePpm: 210_000 },
    });
    expect(check.differences.map((d) => d.part)).toEqual(['lines[0]']);
  });
});
