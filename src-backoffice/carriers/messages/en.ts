export default {
  nav: 'Carriers',
  title: 'Carriers',
  warehouse: 'Warehouse',
  caption: 'Carriers of {{warehouse}} and how their labels are made',
  carrier: 'Carrier',
  status: 'Labels',
  changed: 'Last changed',
  settings: 'Settings',
  states: {
    configured: 'From the carrier’s own API',
    'fallback-to-own': 'Not configured: its cartons go as the own carrier (allowed by setting)',
    missing: 'Not configured: no credentials, its cartons wait as label pending',
    'no-adapter': 'Not configured: no label adapter, its cartons wait as label pending',
  },
  misconfigured: 'In {{warehouse}} these carriers cannot be labelled: {{carriers}}.',
  allLabelled: 'Every carrier of {{warehouse}} is labelled from its API or by an explicit setting.',
  formTitle: 'Settings for {{carrier}}',
  credentials: 'New {{carrier}} credentials (JSON)',
  credentialsHint:
    'Fields: {{fields}}. Stored encrypted and never shown again; leave empty to keep the stored ones.',
  credentialsInvalid: 'Write the credentials as one JSON object, e.g. {"apiKey": "…"}.',
  fallbackToOwn:
    'Label {{carrier}} cartons as the own carrier while {{carrier}} cannot be labelled',
  save: 'Save {{carrier}}',
  saved: '{{carrier}} saved.',
  noWarehouse: 'There is no warehouse to show.',
};
