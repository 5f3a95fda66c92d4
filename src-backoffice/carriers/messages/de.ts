import type en from './en';

export default {
  nav: 'Versanddienstleister',
  title: 'Versanddienstleister',
  warehouse: 'Lager',
  caption: 'Versanddienstleister von {{warehouse}} und wie ihre Etiketten entstehen',
  carrier: 'Versanddienstleister',
  status: 'Etiketten',
  changed: 'Zuletzt geändert',
  settings: 'Einstellungen',
  states: {
    configured: 'Über die eigene API des Versanddienstleisters',
    'fallback-to-own':
      'Nicht eingerichtet: seine Kartons gehen als eigener Versand (per Einstellung erlaubt)',
    missing: 'Nicht eingerichtet: keine Zugangsdaten, seine Kartons warten auf ihr Etikett',
    'no-adapter': 'Nicht eingerichtet: kein Etikettenadapter, seine Kartons warten auf ihr Etikett',
  },
  misconfigured:
    'In {{warehouse}} können diese Versanddienstleister nicht etikettiert werden: {{carriers}}.',
  allLabelled:
    'Jeder Versanddienstleister von {{warehouse}} wird über seine API oder per ausdrücklicher Einstellung etikettiert.',
  formTitle: 'Einstellungen für {{carrier}}',
  credentials: 'Neue Zugangsdaten für {{carrier}} (JSON)',
  credentialsHint:
    'Felder: {{fields}}. Verschlüsselt gespeichert und nie wieder angezeigt; leer lassen, um die gespeicherten zu behalten.',
  credentialsInvalid: 'Geben Sie die Zugangsdaten als ein JSON-Objekt ein, z. B. {"apiKey": "…"}.',
  fallbackToOwn:
    '{{carrier}}-Kartons als eigenen Versand etikettieren, solange {{carrier}} nicht etikettiert werden kann',
  save: '{{carrier}} speichern',
  saved: '{{carrier}} gespeichert.',
  noWarehouse: 'Es gibt kein Lager zum Anzeigen.',
} satisfies typeof en;
