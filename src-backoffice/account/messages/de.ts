import type en from './en';

export default {
  nav: 'Mein Konto',
  title: 'Mein Konto',
  changePassword: 'Passwort ändern',
  current: 'Aktuelles Passwort',
  wrongPassword: 'Das aktuelle Passwort ist falsch.',
  changed: 'Ihr Passwort ist geändert. Ihre anderen Sitzungen sind abgemeldet.',
  sessions: 'Sitzungen',
  everywhereExplain: 'Meldet Sie an jedem Computer ab, auch an diesem.',
  everywhere: 'Überall abmelden',
} satisfies typeof en;
