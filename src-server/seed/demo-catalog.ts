// The demo's master data: three warehouses (NL, BE, DE) with bins in walk order, 500 products
// with valid GTIN-13s, and their stock. Built deterministically from a seeded PRNG.
import { gs1CheckDigit } from '../../shared/gs1/check-digit';
import type { Random } from './prng';

export const DEMO_WAREHOUSES = [
  {
    code: 'NL-TIL',
    timeZone: 'Europe/Amsterdam',
    name: 'Tilburg DC',
    country: 'NL',
    latitude: 51.5606,
    longitude: 5.0919,
    address: {
      name: 'Tilburg DC',
      line1: 'Kraaivenstraat 21',
      postalCode: '5048 AB',
      city: 'Tilburg',
      country: 'NL',
    },
  },
  {
    code: 'BE-GNT',
    timeZone: 'Europe/Brussels',
    name: 'Gent Hub',
    country: 'BE',
    latitude: 51.0543,
    longitude: 3.7174,
    address: {
      name: 'Gent Hub',
      line1: 'Skaldenstraat 7',
      postalCode: '9042',
      city: 'Gent',
      country: 'BE',
    },
  },
  {
    code: 'DE-KSL',
    timeZone: 'Europe/Berlin',
    name: 'Kassel Lager',
    country: 'DE',
    latitude: 51.3127,
    longitude: 9.4797,
    address: {
      name: 'Kassel Lager',
      line1: 'Sandershäuser Str. 34',
      postalCode: '34123',
      city: 'Kassel',
      country: 'DE',
    },
  },
] as const;

const AISLES = 10;
const POSITIONS = 20;

export interface DemoBin {
  warehouseCode: string;
  code: string;
  walkSequence: number;
}

/** Aisles are walked in a serpentine: up aisle A, down aisle B, so the sequence never doubles back. */
export function demoBins(warehouseCode: string): DemoBin[] {
  const bins: DemoBin[] = [];
  for (let aisle = 0; aisle < AISLES; aisle++) {
    for (let step = 0; step < POSITIONS; step++) {
      const position = aisle % 2 === 0 ? step : POSITIONS - 1 - step;
      const code = `${String.fromCharCode(65 + aisle)}-${String(position + 1).padStart(2, '0')}`;
      bins.push({ warehouseCode, code, walkSequence: aisle * POSITIONS + step + 1 });
    }
  }
  return bins;
}

const ADJECTIVES = [
  'Classic',
  'Compact',
  'Deluxe',
  'Eco',
  'Nordic',
  'Urban',
  'Vintage',
  'Smart',
  'Sturdy',
  'Soft',
  'Bold',
  'Mini',
];
const NOUNS = [
  ['Desk Lamp', '940520'],
  ['Coffee Mug', '691200'],
  ['Backpack', '420292'],
  ['Water Bottle', '732393'],
  ['Wool Scarf', '611710'],
  ['Cutting Board', '441900'],
  ['Notebook', '482010'],
  ['Headphones', '851830'],
  ['Yoga Mat', '950691'],
  ['Throw Pillow', '940490'],
  ['Plant Pot', '691490'],
  ['Cable Set', '854442'],
  ['Rain Jacket', '620193'],
  ['Teapot', '691110'],
  ['Bike Light', '851210'],
  ['Candle', '340600'],
] as const;
const ORIGINS = ['NL', 'BE', 'DE', 'CN', 'PT', 'PL', 'VN', 'IT'];

export interface DemoProduct {
  sku: string;
  name: string;
  gtin: string;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  hsCode: string;
  countryOfOrigin: string;
  prices: { EUR: number; GBP: number; USD: number };
}

/** GTIN-13 under a demo GS1 company prefix (87 = GS1 Netherlands), with its check digit. */
export function demoGtin(index: number): string {
  const body = `871234${String(index).padStart(6, '0')}`;
  return body + String(gs1CheckDigit(body));
}

export function demoProducts(random: Random, count = 500): DemoProduct[] {
  return Array.from({ length: count }, (_, i) => {
    const [noun, hsCode] = random.pick(NOUNS);
    const eur = random.int(4, 180) * 100 - 5;
    return {
      sku: `SKU-${String(i + 1).padStart(5, '0')}`,
      name: `${random.pick(ADJECTIVES)} ${noun} ${i + 1}`,
      gtin: demoGtin(i + 1),
      weightGrams: random.int(80, 4500),
      lengthMm: random.int(80, 500),
      widthMm: random.int(50, 350),
      heightMm: random.int(20, 250),
      hsCode,
      countryOfOrigin: random.pick(ORIGINS),
      prices: { EUR: eur, GBP: Math.round(eur * 0.86), USD: Math.round(eur * 1.08) },
    };
  });
}

export interface DemoStock {
  warehouseCode: string;
  sku: string;
  binCode: string;
  onHand: number;
}

/** Each product sits in one to three warehouses, in one or two bins each; a few are scarce. */
export function demoStock(random: Random, products: readonly DemoProduct[]): DemoStock[] {
  const rows: DemoStock[] = [];
  const bins = new Map(DEMO_WAREHOUSES.map((w) => [w.code, demoBins(w.code)]));
  for (const product of products) {
    const scarce = random.chance(0.08);
    for (const warehouse of DEMO_WAREHOUSES) {
      if (!random.chance(warehouse.code === 'NL-TIL' ? 0.85 : 0.6)) continue;
      const warehouseBins = bins.get(warehouse.code)!;
      const first = random.pick(warehouseBins);
      rows.push({
        warehouseCode: warehouse.code,
        sku: product.sku,
        binCode: first.code,
        onHand: scarce ? random.int(0, 3) : random.int(20, 150),
      });
      const second = random.pick(warehouseBins);
      if (!scarce && second.code !== first.code && random.chance(0.3)) {
        rows.push({
          warehouseCode: warehouse.code,
          sku: product.sku,
          binCode: second.code,
          onHand: random.int(10, 80),
        });
      }
    }
  }
  return rows;
}
