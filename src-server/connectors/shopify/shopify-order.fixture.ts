// A small, realistic Shopify `orders/create` webhook body (REST Admin API Order resource, trimmed
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
    total_price: '44.90',
    subtotal_price: '39.95',
    po_number: null,
    customer: { id: 7012345678, email: 'emma.devries@example.com', first_name: 'Emma', last_name: 'de Vries' },
    line_items: [
      { id: 13890000001, variant_id: 4420001, sku: 'SKU-1', title: 'Classic Coffee Mug', quantity: 2, price: '12.50', grams: 350 },
      { id: 13890000002, variant_id: 4420002, sku: 'SKU-3', title: 'Eco Notebook', quantity: 1, price: '14.95', grams: 200 },
    ],
    shipping_lines: [{ id: 4200001, title: 'Standaard', code: 'standard', price: '4.95', source: 'shopify' }],
    shipping_address: {
      first_name: 'Emma', last_name: 'de Vries', name: 'Emma de Vries', company: null,
      address1: 'Damrak 1', address2: null, city: 'Amsterdam', zip: '1012 LG', province: null, province_code: null,
      country: 'Netherlands', country_code: 'NL', phone: '+31 20 123 4567', latitude: 52.3756, longitude: 4.8961,
    },
    billing_address: {
      first_name: 'Emma', last_name: 'de Vries', name: 'Emma de Vries', company: null,
      address1: 'Damrak 1', address2: null, city: 'Amsterdam', zip: '1012 LG', province_code: null,
      country: 'Netherlands', country_code: 'NL', phone: null,
    },
    ...overrides,
  };
}
