import type en from './en';

export default {
  nav: 'Accueil',
  title: 'Accueil',
  greeting: 'Bienvenue, {{name}}',
  yourRoles: 'Vos rôles : {{roles}}.',
} satisfies typeof en;
