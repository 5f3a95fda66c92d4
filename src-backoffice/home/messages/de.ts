import type en from './en';

export default {
  nav: 'Start',
  title: 'Start',
  greeting: 'Willkommen, {{name}}',
  yourRoles: 'Ihre Rollen: {{roles}}.',
} satisfies typeof en;
