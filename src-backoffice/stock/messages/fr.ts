import type en from './en';

export default {
  nav: 'Stock',
  title: 'Stock',
  caption: 'Stock à {{warehouse}}, par SKU',
  warehouse: 'Entrepôt',
  skuStarts: 'SKU commençant par',
  sku: 'SKU',
  product: 'Produit',
  onHand: 'En stock',
  reserved: 'Réservé',
  available: 'Disponible',
  bins: 'Emplacements',
  noWarehouse: 'Aucun entrepôt à afficher.',
} satisfies typeof en;
