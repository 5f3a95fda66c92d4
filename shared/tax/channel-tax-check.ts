/**
 * A channel that computes its own tax keeps it (its invoice is the truth the customer saw); the
 * OMS records whether the engine agrees, part by part, so a wrong rate in a shop is found.
 */
import type { VatDecision } from './vat-engine';

export interface ChannelTaxPart {
  taxMinor: number;
  /** Null when the channel sent an amount without a rate. */
  ratePpm: number | null;
}

export interface TaxDifference {
  /** `lines[0]` or `shipping`, as the order's fields are named. */
  part: string;
  channelTaxMinor: number;
  engineTaxMinor: number;
  channelRatePpm: number | null;
  engineRatePpm: number;
}

export interface ChannelTaxCheck {
  matches: boolean;
  channelTaxMinor: number;
  engineTaxMinor: number;
  differences: TaxDifference[];
}

export function checkChannelTax(
  engine: VatDecision,
  channel: { lines: readonly ChannelTaxPart[]; shipping: ChannelTaxPart },
): ChannelTaxCheck {
  if (channel.lines.length !== engine.lines.length) {
    throw new RangeError('the channel and the engine priced a different number of lines');
  }
  const pairs = [
    ...channel.lines.map((c, i) => ({ part: `lines[${i}]`, channel: c, engine: engine.lines[i]! })),
    { part: 'shipping', channel: channel.shipping, engine: engine.shipping },
  ];
  const differences = pairs
    .filter(
      ({ channel: c, engine: e }) =>
        c.taxMinor !== e.taxMinor || (c.ratePpm !== null && c.ratePpm !== e.ratePpm),
    )
    .map(({ part, channel: c, engine: e }) => ({
      part,
      channelTaxMinor: c.taxMinor,
      engineTaxMinor: e.taxMinor,
      channelRatePpm: c.ratePpm,
      engineRatePpm: e.ratePpm,
    }));
  const channelTaxMinor = pairs.reduce((a, p) => a + p.channel.taxMinor, 0);
  return {
    matches: differences.length === 0,
    channelTaxMinor,
    engineTaxMinor: engine.taxMinor,
    differences,
  };
}
