export default {
  nav: 'Vervoerders',
  title: 'Vervoerders',
  warehouse: 'Magazijn',
  caption: 'Vervoerders van {{warehouse}} en hoe hun labels gemaakt worden',
  carrier: 'Vervoerder',
  status: 'Labels',
  changed: 'Laatst gewijzigd',
  settings: 'Instellingen',
  states: {
    configured: 'Uit de eigen API van de vervoerder',
    'fallback-to-own':
      'Niet ingesteld: de colli gaan als eigen vervoerder (toegestaan door instelling)',
    missing: 'Niet ingesteld: geen inloggegevens, de colli wachten op hun label',
    'no-adapter': 'Niet ingesteld: geen labelkoppeling, de colli wachten op hun label',
  },
  misconfigured: 'In {{warehouse}} kunnen deze vervoerders niet gelabeld worden: {{carriers}}.',
  allLabelled:
    'Elke vervoerder van {{warehouse}} wordt gelabeld via zijn API of door een uitdrukkelijke instelling.',
  formTitle: 'Instellingen voor {{carrier}}',
  credentials: 'Nieuwe inloggegevens voor {{carrier}} (JSON)',
  credentialsHint:
    'Velden: {{fields}}. Versleuteld opgeslagen en nooit meer getoond; laat leeg om de opgeslagen te houden.',
  credentialsInvalid: 'Schrijf de inloggegevens als één JSON-object, bijv. {"apiKey": "…"}.',
  fallbackToOwn:
    'Label {{carrier}}-colli als eigen vervoerder zolang {{carrier}} niet gelabeld kan worden',
  save: '{{carrier}} opslaan',
  saved: '{{carrier}} opgeslagen.',
  noWarehouse: 'Er is geen magazijn om te tonen.',
};
