import type en from './en';

export default {
  nav: 'Transporteurs',
  title: 'Transporteurs',
  warehouse: 'Entrepôt',
  caption: 'Transporteurs de {{warehouse}} et création de leurs étiquettes',
  carrier: 'Transporteur',
  status: 'Étiquettes',
  changed: 'Dernière modification',
  settings: 'Paramètres',
  states: {
    configured: 'Par l’API du transporteur',
    'fallback-to-own':
      'Non configuré : ses cartons partent en transport propre (autorisé par paramétrage)',
    missing: 'Non configuré : pas d’identifiants, ses cartons attendent leur étiquette',
    'no-adapter':
      'Non configuré : pas d’adaptateur d’étiquettes, ses cartons attendent leur étiquette',
  },
  misconfigured: 'À {{warehouse}}, ces transporteurs ne peuvent pas être étiquetés : {{carriers}}.',
  allLabelled:
    'Chaque transporteur de {{warehouse}} est étiqueté par son API ou par un paramétrage explicite.',
  formTitle: 'Paramètres de {{carrier}}',
  credentials: 'Nouveaux identifiants {{carrier}} (JSON)',
  credentialsHint:
    'Champs : {{fields}}. Stockés chiffrés et jamais réaffichés ; laissez vide pour conserver ceux enregistrés.',
  credentialsInvalid:
    'Saisissez les identifiants sous la forme d’un objet JSON, p. ex. {"apiKey": "…"}.',
  fallbackToOwn:
    'Étiqueter les cartons {{carrier}} en transport propre tant que {{carrier}} ne peut pas être étiqueté',
  save: 'Enregistrer {{carrier}}',
  saved: '{{carrier}} enregistré.',
  noWarehouse: 'Aucun entrepôt à afficher.',
} satisfies typeof en;
