import type en from './en';

export default {
  nav: 'Änderungsprotokoll',
  title: 'Änderungsprotokoll',
  caption: 'Jede Änderung, neueste zuerst',
  when: 'Wann',
  who: 'Wer',
  what: 'Objekt',
  action: 'Aktion',
  change: 'Änderung',
  reason: 'Grund',
  ordersOnly: 'Ihre Rollen zeigen das Änderungsprotokoll der Bestellungen.',
  showChange: 'Vorher und nachher',
  before: 'Vorher',
  after: 'Nachher',
  objectType: 'Objekttyp (z. B. user, order)',
  objectId: 'Objekt-ID',
  actor: 'Wer (E-Mail oder ID)',
  actorTypes: {
    user: 'Person',
    channel: 'Kanal',
    station: 'Packplatz',
    admin_token: 'Admin-Token',
    system: 'System',
  },
} satisfies typeof en;
