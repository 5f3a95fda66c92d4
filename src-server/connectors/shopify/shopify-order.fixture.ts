// Small, realistic Shopify `orders/create` webhook bodies (REST Admin API Order resource, trimmed
// to typical fields), for tests. Override any field.
export function shopifyOrderCreated(overrides: Record<string, unknown> = {}) {
  return {
    id: 5940139491234,
    admin_graphql_api_id: 'gid://shopify/Order/5940139491234',
    name: '#1001',
    order_number: 1001,
    email: 'emma.devries@example.com',
    created_at: '2024-11-10T10:30:00+01:00',
    currency: 'EUR',
    financial_status: 'paid',
    fulfillment_status: null,
    customer_locale: 'nl-NL',
    taxes_included: false,
    total_price: '44.90',
    subtotal_price: '39.95',
    total_tax: '0.00',
    total_discounts: '0.00',
    po_number: null,
    customer: {
      id: 7012345678,
      email: 'emma.devries@example.com',
      first_name: 'Emma',
      last_name: 'de Vries',
    },
    line_items: [
      {
        id: 13890000001,
        variant_id: 4420001,
        sku: 'SKU-1',
        title: 'Classic Coffee Mug',
        quantity: 2,
        price: '12.50',
        grams: 350,
      },
      {
        id: 13890000002,
        variant_id: 4420002,
        sku: 'SKU-3',
        title: 'Eco Notebook',
        quantity: 1,
        price: '14.95',
        grams: 200,
      },
    ],
    shipping_lines: [
      { id: 4200001, title: 'Standaard', code: 'standard', price: '4.95', source: 'shopify' },
    ],
    shipping_address: {
      first_name: 'Emma',
      last_name: 'de Vries',
      name: 'Emma de Vries',
      company: null,
      address1: 'Damrak 1',
      address2: null,
      city: 'Amsterdam',
      zip: '1012 LG',
      province: null,
      province_code: null,
      country: 'Netherlands',
      country_code: 'NL',
      phone: '+31 20 123 4567',
      latitude: 52.3756,
      longitude: 4.8961,
    },
    billing_address: {
      first_name: 'Emma',
      last_name: 'de Vries',
      name: 'Emma de Vries',
      company: null,
      address1: 'Damrak 1',
      address2: null,
      city: 'Amsterdam',
      zip: '1012 LG',
      province_code: null,
      country: 'Netherlands',
      country_code: 'NL',
      phone: null,
    },
    ...overrides,
  };
}

/**
 * A Dutch consumer order with prices including 21 % VAT (`taxes_included`), a 10 % discount code
 * on the mugs and taxed shipping; Shopify's own rounding per tax line. Coordinates arrive as
 * strings, as Shopify sends them for some addresses.
 */
export function shopifyTaxIncludedOrder(overrides: Record<string, unknown> = {}) {
  const vat = (price: string) => [{ price, rate: 0.21, title: 'BTW' }];
  const base = shopifyOrderCreated();
  return shopifyOrderCreated({
    id: 5940139495678,
    admin_graphql_api_id: 'gid://shopify/Order/5940139495678',
    name: '#1002',
    order_number: 1002,
    taxes_included: true,
    total_line_items_price: '39.95',
    total_discounts: '2.50',
    subtotal_price: '37.45',
    total_tax: '7.35',
    total_price: '42.40',
    current_subtotal_price: '37.45',
    current_total_discounts: '2.50',
    current_total_tax: '7.35',
    current_total_price: '42.40',
    discount_codes: [{ code: 'WELKOM10', amount: '2.50', type: 'percentage' }],
    line_items: [
      {
        id: 13890000011,
        variant_id: 4420001,
        sku: 'SKU-1',
        title: 'Classic Coffee Mug',
        quantity: 2,
        price: '12.50',
        grams: 350,
        taxable: true,
        total_discount: '0.00',
        discount_allocations: [{ amount: '2.50', discount_application_index: 0 }],
        tax_lines: vat('3.90'),
      },
      {
        id: 13890000012,
        variant_id: 4420002,
        sku: 'SKU-3',
        title: 'Eco Notebook',
        quantity: 1,
        price: '14.95',
        grams: 200,
        taxable: true,
        total_discount: '0.00',
        discount_allocations: [],
        tax_lines: vat('2.59'),
      },
    ],
    shipping_lines: [
      {
        id: 4200002,
        title: 'Standaard',
        code: 'standard',
        price: '4.95',
        discounted_price: '4.95',
        source: 'shopify',
        discount_allocations: [],
        tax_lines: vat('0.86'),
      },
    ],
    shipping_address: { ...base.shipping_address, latitude: '52.3756', longitude: '4.8961' },
    ...overrides,
  });
}
