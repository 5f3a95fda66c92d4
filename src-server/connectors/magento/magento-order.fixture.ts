// A small, realistic Adobe Commerce order as `GET /V1/orders/{id}` returns it (trimmed to typical
// fields): a configurable product (parent + child item) and a B2B purchase order. Override any field.
export function magentoOrder(overrides: Record<string, unknown> = {}) {
  const address = {
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
    billing_address: { ...address, address_type: 'billing' },
    payment: { method: 'purchaseorder', po_number: 'PO-2024-0117' },
    extension_attributes: {
      shipping_assignments: [{ shipping: { address, method: 'flatrate_flatrate' }, items: [] }],
    },
    ...overrides,
  };
}
