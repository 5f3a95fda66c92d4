// Small, realistic Adobe Commerce orders as `GET /V1/orders/{id}` returns them (trimmed to typical
// fields), for tests: a B2B purchase order with a configurable product, a Dutch order excluding
// 21 % VAT, a configurable whose parent SKU differs from the simple that ships, and bundles with
// a dynamic and a fixed price. Override any field.

type Item = Record<string, unknown>;

/** An order item with Magento's money fields; `tax_percent` 0 and no discount unless given. */
export function magentoItem(fields: {
  item_id: number;
  sku: string;
  name: string;
  product_type?: string;
  qty_ordered: number;
  price: number;
  row_total?: number;
  tax_percent?: number;
  tax_amount?: number;
  discount_amount?: number;
  parent_item_id?: number | null;
}): Item {
  const rowTotal = fields.row_total ?? fields.price * fields.qty_ordered;
  const tax = fields.tax_amount ?? 0;
  return {
    product_type: 'simple',
    parent_item_id: null,
    tax_percent: 0,
    discount_amount: 0,
    discount_tax_compensation_amount: 0,
    ...fields,
    base_price: fields.price,
    original_price: fields.price,
    price_incl_tax: round2(fields.price * (1 + (fields.tax_percent ?? 0) / 100)),
    row_total: rowTotal,
    base_row_total: rowTotal,
    row_total_incl_tax: round2(rowTotal + tax),
    tax_amount: tax,
    base_tax_amount: tax,
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

const beAddress = {
  address_type: 'shipping',
  firstname: 'Jan',
  lastname: 'Peeters',
  company: 'Brasserie Maes',
  street: ['Veldstraat 12', 'bus 3'],
  city: 'Gent',
  postcode: '9000',
  region_code: null,
  country_id: 'BE',
  telephone: '+32 9 123 45 67',
  email: 'jan@brasserie-maes.example',
};

const nlAddress = {
  address_type: 'shipping',
  firstname: 'Sanne',
  lastname: 'Bakker',
  company: null,
  street: ['Coolsingel 40'],
  city: 'Rotterdam',
  postcode: '3011 AD',
  region_code: null,
  country_id: 'NL',
  telephone: '+31 10 123 4567',
  email: 'sanne.bakker@example.com',
};

function withAddress(address: typeof beAddress | typeof nlAddress) {
  return {
    billing_address: { ...address, address_type: 'billing' },
    extension_attributes: {
      shipping_assignments: [{ shipping: { address, method: 'flatrate_flatrate' }, items: [] }],
    },
  };
}

export function magentoOrder(overrides: Record<string, unknown> = {}) {
  return {
    entity_id: 42,
    increment_id: '000000042',
    state: 'processing',
    status: 'processing',
    created_at: '2024-11-12 09:15:00',
    order_currency_code: 'EUR',
    base_currency_code: 'EUR',
    customer_email: 'jan@brasserie-maes.example',
    customer_firstname: 'Jan',
    customer_lastname: 'Peeters',
    customer_is_guest: 0,
    subtotal: 250,
    shipping_amount: 9.95,
    grand_total: 259.95,
    items: [
      {
        item_id: 101,
        sku: 'SKU-1',
        name: 'Classic Coffee Mug',
        product_type: 'configurable',
        qty_ordered: 20,
        price: 10,
        parent_item_id: null,
      },
      {
        item_id: 102,
        sku: 'SKU-1',
        name: 'Classic Coffee Mug - Blue',
        product_type: 'simple',
        qty_ordered: 20,
        price: 0,
        parent_item_id: 101,
      },
      {
        item_id: 103,
        sku: 'SKU-3',
        name: 'Eco Notebook',
        product_type: 'simple',
        qty_ordered: 5,
        price: 10,
        parent_item_id: null,
      },
    ],
    ...withAddress(beAddress),
    payment: { method: 'purchaseorder', po_number: 'PO-2024-0117' },
    ...overrides,
  };
}

/** A consumer order priced excluding 21 % VAT: lines 105.00 + tax 22.05 = grand_total 127.05. */
export function magentoNlVatOrder(overrides: Record<string, unknown> = {}) {
  return magentoOrder({
    entity_id: 51,
    increment_id: '000000051',
    customer_email: 'sanne.bakker@example.com',
    customer_firstname: 'Sanne',
    customer_lastname: 'Bakker',
    customer_is_guest: 1,
    ...withAddress(nlAddress),
    payment: { method: 'checkmo' },
    items: [
      magentoItem({
        item_id: 201,
        sku: 'SKU-1',
        name: 'Classic Coffee Mug',
        qty_ordered: 2,
        price: 25,
        tax_percent: 21,
        tax_amount: 10.5,
      }),
      magentoItem({
        item_id: 202,
        sku: 'SKU-3',
        name: 'Eco Notebook',
        qty_ordered: 1,
        price: 55,
        tax_percent: 21,
        tax_amount: 11.55,
      }),
    ],
    subtotal: 105,
    base_subtotal: 105,
    subtotal_incl_tax: 127.05,
    discount_amount: 0,
    shipping_amount: 0,
    shipping_tax_amount: 0,
    shipping_incl_tax: 0,
    tax_amount: 22.05,
    base_tax_amount: 22.05,
    grand_total: 127.05,
    base_grand_total: 127.05,
    ...overrides,
  });
}

/**
 * A configurable mug whose parent SKU (MUG-CONFIGURABLE) is not the simple that ships (SKU-1);
 * the parent carries price, 10 % discount and tax, the child 0. Shipping 5.00 + 21 % VAT.
 */
export function magentoConfigurableOrder(overrides: Record<string, unknown> = {}) {
  return magentoNlVatOrder({
    entity_id: 52,
    increment_id: '000000052',
    items: [
      magentoItem({
        item_id: 301,
        sku: 'MUG-CONFIGURABLE',
        name: 'Classic Coffee Mug',
        product_type: 'configurable',
        qty_ordered: 3,
        price: 12,
        tax_percent: 21,
        tax_amount: 6.8,
        discount_amount: 3.6,
      }),
      magentoItem({
        item_id: 302,
        sku: 'SKU-1',
        name: 'Classic Coffee Mug - Blue',
        qty_ordered: 3,
        price: 0,
        parent_item_id: 301,
      }),
    ],
    subtotal: 36,
    discount_amount: -3.6,
    shipping_amount: 5,
    shipping_tax_amount: 1.05,
    shipping_incl_tax: 6.05,
    tax_amount: 7.85,
    base_tax_amount: 7.85,
    grand_total: 45.25,
    base_grand_total: 45.25,
    extension_attributes: {
      ...withAddress(nlAddress).extension_attributes,
      item_applied_taxes: [
        {
          type: 'product',
          item_id: 301,
          applied_taxes: [{ code: 'NL-21', title: 'BTW', percent: 21, amount: 6.8 }],
        },
        {
          type: 'shipping',
          item_id: null,
          applied_taxes: [{ code: 'NL-21', title: 'BTW', percent: 21, amount: 1.05 }],
        },
      ],
    },
    ...overrides,
  });
}

/**
 * Two starter kits (a bundle of 2 mugs and 1 notebook each). Dynamic price: the children carry
 * their prices and tax, and Magento writes their sums on the parent too. Fixed price: the parent
 * carries 49.00 + 21 % VAT per kit for one kit, the children 0.
 */
export function magentoBundleOrder(
  price: 'dynamic' | 'fixed',
  overrides: Record<string, unknown> = {},
) {
  const dynamic = price === 'dynamic';
  const kits = dynamic ? 2 : 1;
  const items = dynamic
    ? [
        magentoItem({
          item_id: 401,
          sku: 'KIT-STARTER',
          name: 'Starter kit',
          product_type: 'bundle',
          qty_ordered: kits,
          price: 35,
          tax_percent: 21,
          tax_amount: 14.7,
        }),
        magentoItem({
          item_id: 402,
          sku: 'SKU-1',
          name: 'Classic Coffee Mug',
          qty_ordered: 2 * kits,
          price: 10,
          tax_percent: 21,
          tax_amount: 8.4,
          parent_item_id: 401,
        }),
        magentoItem({
          item_id: 403,
          sku: 'SKU-3',
          name: 'Eco Notebook',
          qty_ordered: kits,
          price: 15,
          tax_percent: 21,
          tax_amount: 6.3,
          parent_item_id: 401,
        }),
      ]
    : [
        magentoItem({
          item_id: 501,
          sku: 'KIT-FIXED',
          name: 'Starter kit (fixed price)',
          product_type: 'bundle',
          qty_ordered: kits,
          price: 49,
          tax_percent: 21,
          tax_amount: 10.29,
        }),
        magentoItem({
          item_id: 502,
          sku: 'SKU-1',
          name: 'Classic Coffee Mug',
          qty_ordered: 2 * kits,
          price: 0,
          parent_item_id: 501,
        }),
        magentoItem({
          item_id: 503,
          sku: 'SKU-3',
          name: 'Eco Notebook',
          qty_ordered: kits,
          price: 0,
          parent_item_id: 501,
        }),
      ];
  const subtotal = dynamic ? 70 : 49;
  const tax = dynamic ? 14.7 : 10.29;
  return magentoNlVatOrder({
    entity_id: dynamic ? 53 : 54,
    increment_id: dynamic ? '000000053' : '000000054',
    items,
    subtotal,
    tax_amount: tax,
    base_tax_amount: tax,
    grand_total: round2(subtotal + tax),
    base_grand_total: round2(subtotal + tax),
    ...overrides,
  });
}
