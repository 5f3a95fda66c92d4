import type en from './en';

export default {
  nav: 'Bestand',
  title: 'Bestand',
  caption: 'Bestand in {{warehouse}}, nach SKU',
  warehouse: 'Lager',
  skuStarts: 'SKU beginnt mit',
  sku: 'SKU',
  product: 'Artikel',
  onHand: 'Physisch',
  reserved: 'Reserviert',
  available: 'Verfügbar',
  bins: 'Lagerplätze',
  noWarehouse: 'Es gibt kein Lager zum Anzeigen.',
} satisfies typeof en;
