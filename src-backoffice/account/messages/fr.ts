import type en from './en';

export default {
  nav: 'Mon compte',
  title: 'Mon compte',
  changePassword: 'Changer le mot de passe',
  current: 'Mot de passe actuel',
  wrongPassword: 'Le mot de passe actuel est incorrect.',
  changed: 'Votre mot de passe est modifié. Vos autres sessions sont déconnectées.',
  sessions: 'Sessions',
  everywhereExplain: 'Vous déconnecte sur tous les ordinateurs, celui-ci compris.',
  everywhere: 'Se déconnecter partout',
} satisfies typeof en;
