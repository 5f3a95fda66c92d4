import type {
  Cn22Data,
  LabelAddress,
  PackingSlipData,
  ReturnLabelData,
  ShippingLabelData,
} from './label-data';
import type { IntakeLabelData } from './intake-label';

/** Small factories for label tests and previews; every field can be overridden. */

export function makeAddress(overrides: Partial<LabelAddress> = {}): LabelAddress {
  return {
    name: 'Sanne de Vries',
    street: 'Keizersgracht 123',
    postalCode: '1015 CJ',
    city: 'Amsterdam',
    country: 'NL',
    ...overrides,
  };
}

export function makeWarehouseAddress(overrides: Partial<LabelAddress> = {}): LabelAddress {
  return makeAddress({
    name: 'Fulfilment Centre',
    company: 'Voorbeeld Retail B.V.',
    street: 'Havenweg 4',
    postalCode: '3542 AD',
    city: 'Utrecht',
    ...overrides,
  });
}

export function makeShippingLabel(overrides: Partial<ShippingLabelData> = {}): ShippingLabelData {
  return {
    shipFrom: makeWarehouseAddress(),
    shipTo: makeAddress(),
    carrier: { name: 'Own Courier', service: 'Next day' },
    trackingNumber: 'AA123456785NL',
    sscc: '387123450000000012',
    orderNumber: 'ORD-2025-0042',
    poNumber: 'PO-7781',
    cartonIndex: 1,
    cartonCount: 2,
    weightGrams: 1250,
    ...overrides,
  };
}

/** `lines` is either a count of generated lines or the lines themselves. */
export function makePackingSlip(
  options: Partial<Omit<PackingSlipData, 'lines'>> & {
    lines?: number | PackingSlipData['lines'];
  } = {},
): PackingSlipData {
  const { lines = 3, ...overrides } = options;
  return {
    orderNumber: 'ORD-2025-0042',
    poNumber: 'PO-7781',
    orderDate: '2025-03-14',
    shipFrom: makeWarehouseAddress(),
    shipTo: makeAddress(),
    lines:
      typeof lines === 'number'
        ? Array.from({ length: lines }, (_, i) => ({
            sku: `SKU-${1000 + i}`,
            name: `Linen shirt, size ${i + 1}`,
            quantity: i + 1,
          }))
        : lines,
    ...overrides,
  };
}

/** A slip with money: an order excluding 21 % VAT with a 9 % line, a discount and shipping. */
export function makeMoneyPackingSlip(
  options: Parameters<typeof makePackingSlip>[0] = {},
): PackingSlipData {
  return makePackingSlip({
    lines: [
      {
        sku: 'MUG-1',
        name: 'Classic Coffee Mug',
        quantity: 2,
        amountMinor: 4500,
        taxRatePercent: 21,
      },
      { sku: 'BOOK-9', name: 'Cook book', quantity: 1, amountMinor: 1000, taxRatePercent: 9 },
    ],
    money: {
      currency: 'EUR',
      pricesIncludeTax: false,
      subtotalMinor: 6000,
      discountMinor: 500,
      shippingMinor: 495,
      taxMinor: 1131,
      totalMinor: 7126,
      taxes: [
        { ratePercent: 9, taxMinor: 90 },
        { ratePercent: 21, taxMinor: 1041 },
      ],
    },
    ...options,
  });
}

export function makeReturnLabel(overrides: Partial<ReturnLabelData> = {}): ReturnLabelData {
  return {
    rmaId: 'R-10077',
    orderNumber: 'ORD-2025-0042',
    returnFrom: makeAddress(),
    returnTo: makeWarehouseAddress(),
    ...overrides,
  };
}

export function makeCn22(overrides: Partial<Cn22Data> = {}): Cn22Data {
  return {
    sender: makeWarehouseAddress(),
    recipient: makeAddress({
      name: 'Jane Doe',
      street: '350 Fifth Avenue',
      postalCode: '10118',
      city: 'New York',
      region: 'NY',
      country: 'US',
    }),
    carrierName: 'PostNL',
    category: 'sale-of-goods',
    currency: 'EUR',
    lines: [
      {
        description: 'Linen shirt',
        quantity: 2,
        weightGrams: 400,
        valueMinor: 5990,
        hsCode: '620520',
        originCountry: 'PT',
      },
      {
        description: 'Leather belt',
        quantity: 1,
        weightGrams: 250,
        valueMinor: 3450,
        hsCode: '420330',
        originCountry: 'IT',
      },
    ],
    date: '2025-03-14',
    ...overrides,
  };
}

export function makeIntakeLabel(overrides: Partial<IntakeLabelData> = {}): IntakeLabelData {
  return {
    rmaCode: 'R-2025-00017',
    unitReference: 'RET-3F2A9C1E-I2',
    sku: 'E2E-MUG',
    productName: 'Blue mug',
    grade: 'C',
    disposition: 'quarantine',
    match: 'wrong_item',
    note: 'Chipped handle',
    date: '2025-03-05',
    ...overrides,
  };
}
