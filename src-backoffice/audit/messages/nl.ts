import type en from './en';

export default {
  nav: 'Auditlog',
  title: 'Auditlog',
  caption: 'Elke wijziging, nieuwste eerst',
  when: 'Wanneer',
  who: 'Wie',
  what: 'Object',
  action: 'Actie',
  change: 'Wijziging',
  reason: 'Reden',
  ordersOnly: 'Je rollen tonen het auditlog van orders.',
  showChange: 'Voor en na',
  before: 'Voor',
  after: 'Na',
  objectType: 'Soort object (bijv. user, order)',
  objectId: 'Object-id',
  actor: 'Wie (e-mail of id)',
  actorTypes: {
    user: 'persoon',
    channel: 'kanaal',
    station: 'station',
    admin_token: 'admintoken',
    system: 'systeem',
  },
} satisfies typeof en;
