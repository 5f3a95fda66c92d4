// The orders the intake benchmarks place: 1–3 lines of the 500 demo SKUs, to NL, BE and DE.
import { randomUUID } from 'node:crypto';

const DESTINATIONS = [
  ['NL', '1012 AB', 'Amsterdam'],
  ['BE', '9000', 'Gent'],
  ['DE', '50667', 'Köln'],
  ['NL', '3011 AD', 'Rotterdam'],
] as const;

export function benchOrder(i: number, skus?: string[]) {
  const [country, postalCode, city] = DESTINATIONS[i % DESTINATIONS.length]!;
  const lineSkus =
    skus ??
    Array.from(
      { length: 1 + (i % 3) },
      (_, k) => `SKU-${String(((i * 7 + k * 131) % 500) + 1).padStart(5, '0')}`,
    );
  return {
    channelOrderRef: `BENCH-${randomUUID()}`,
    currency: 'EUR',
    customer: { type: 'person', name: 'Bench Customer', email: `bench${i % 500}@example.com` },
    shipTo: { name: 'Bench Customer', line1: 'Teststraat 1', postalCode, city, country },
    lines: [...new Set(lineSkus)].map((sku) => ({ sku, quantity: 1 })),
  };
}
