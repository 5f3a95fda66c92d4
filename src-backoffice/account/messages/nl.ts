import type en from './en';

export default {
  nav: 'Mijn account',
  title: 'Mijn account',
  changePassword: 'Wachtwoord wijzigen',
  current: 'Huidig wachtwoord',
  wrongPassword: 'Het huidige wachtwoord klopt niet.',
  changed: 'Je wachtwoord is gewijzigd. Je andere sessies zijn afgemeld.',
  sessions: 'Sessies',
  everywhereExplain: 'Meldt je af op elke computer, ook op deze.',
  everywhere: 'Overal afmelden',
} satisfies typeof en;
