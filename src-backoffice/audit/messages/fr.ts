import type en from './en';

export default {
  nav: 'Journal d’audit',
  title: 'Journal d’audit',
  caption: 'Toutes les modifications, les plus récentes d’abord',
  when: 'Quand',
  who: 'Qui',
  what: 'Objet',
  action: 'Action',
  change: 'Modification',
  reason: 'Motif',
  ordersOnly: 'Vos rôles affichent le journal d’audit des commandes.',
  showChange: 'Avant et après',
  before: 'Avant',
  after: 'Après',
  objectType: 'Type d’objet (p. ex. user, order)',
  objectId: 'Identifiant de l’objet',
  actor: 'Qui (e-mail ou identifiant)',
  actorTypes: {
    user: 'personne',
    channel: 'canal',
    station: 'poste',
    admin_token: 'jeton administrateur',
    system: 'système',
  },
} satisfies typeof en;
