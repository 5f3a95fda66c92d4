import type en from './en';

export default {
  nav: 'Start',
  title: 'Start',
  greeting: 'Welkom, {{name}}',
  yourRoles: 'Je rollen: {{roles}}.',
} satisfies typeof en;
