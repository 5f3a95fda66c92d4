// A fulfillment as a station stores it, for the label-printing tests: one line of tea, shipped
// from Tilburg to Utrecht. Tests change what they are about through `overrides`.
import type { Address, FulfillmentDoc } from '../../shared/sync/documents';

export const utrechtAddress: Address = {
  name: 'Eva Smit',
  company: null,
  line1: 'Oudegracht 2',
  line2: null,
  postalCode: '3511 AB',
  city: 'Utrecht',
  region: null,
  country: 'NL',
  phone: null,
  email: null,
};

export function makeFulfillment(overrides: Partial<FulfillmentDoc> = {}): FulfillmentDoc {
  return {
    id: 'f1',
    orderId: 'o1',
    orderNumber: '#1001',
    warehouseCode: 'NL-TIL',
    status: 'picking',
    cancelRequested: false,
    onHold: false,
    priority: 5,
    promisedDate: null,
    channel: 'webshop',
    poNumber: null,
    customerLocale: 'nl',
    shipFrom: {
      ...utrechtAddress,
      name: 'Tilburg DC',
      line1: 'Kraaivenstraat 21',
      postalCode: '5048 AB',
      city: 'Tilburg',
    },
    shipTo: utrechtAddress,
    carrier: 'postnl',
    service: 'parcel',
    shippingCostCents: 695,
    currency: 'EUR',
    lines: [
      {
        lineId: 'l1',
        sku: 'TEA',
        name: 'Green tea tin',
        quantity: 2,
        bin: 'A-01',
        walkSequence: 1,
        unitWeightGrams: 150,
        unitPriceCents: 995,
      },
    ],
    releasedAt: '2026-11-27T10:00:00.000Z',
    updatedAt: 3,
    ...overrides,
  };
}
