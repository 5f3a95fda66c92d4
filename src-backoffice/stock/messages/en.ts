export default {
  nav: 'Stock',
  title: 'Stock',
  caption: 'Stock in {{warehouse}}, by SKU',
  warehouse: 'Warehouse',
  skuStarts: 'SKU starts with',
  sku: 'SKU',
  product: 'Product',
  onHand: 'On hand',
  reserved: 'Reserved',
  available: 'Available',
  bins: 'Bins',
  noWarehouse: 'There is no warehouse to show.',
};
