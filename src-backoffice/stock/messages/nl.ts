import type en from './en';

export default {
  nav: 'Voorraad',
  title: 'Voorraad',
  caption: 'Voorraad in {{warehouse}}, per SKU',
  warehouse: 'Magazijn',
  skuStarts: 'SKU begint met',
  sku: 'SKU',
  product: 'Product',
  onHand: 'Aanwezig',
  reserved: 'Gereserveerd',
  available: 'Beschikbaar',
  bins: 'Locaties',
  noWarehouse: 'Er is geen magazijn om te tonen.',
} satisfies typeof en;
